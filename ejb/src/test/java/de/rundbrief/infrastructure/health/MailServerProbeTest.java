package de.rundbrief.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailServerProbeTest {

  private GreenMail smtp;
  private Instant now = Instant.parse("2026-11-28T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };

  @AfterEach
  void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aListeningSmtpServerIsReachable() throws Exception {
    int port = startSmtp();

    MailServerProbe.Outcome outcome = probe(port).outcome();

    assertThat(outcome.reachable()).isTrue();
    assertThat(outcome.server()).isEqualTo("127.0.0.1:" + port);
    assertThat(outcome.error()).isNull();
  }

  @Test
  void aPortWithNobodyListeningIsUnreachableWithTheReason() throws Exception {
    int port = freePort();

    MailServerProbe.Outcome outcome = probe(port).outcome();

    assertThat(outcome.reachable()).isFalse();
    assertThat(outcome.error()).contains("127.0.0.1").containsIgnoringCase("connection refused");
  }

  @Test
  void aServerThatAcceptsButNeverGreetsIsUnreachableAfterTheTimeOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      long started = System.nanoTime();

      MailServerProbe.Outcome outcome = probe(silent.getLocalPort()).outcome();

      assertThat(outcome.reachable()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void theAnswerIsKeptForItsTimeThenTheServerIsAskedAgain() throws Exception {
    int port = startSmtp();
    MailServerProbe probe = probe(port);
    assertThat(probe.outcome().reachable()).isTrue();

    smtp.stop();
    now = now.plusSeconds(9);
    assertThat(probe.outcome().reachable()).as("kept for ten seconds").isTrue();

    now = now.plusSeconds(1);
    MailServerProbe.Outcome asked = probe.outcome();
    assertThat(asked.reachable()).isFalse();
    assertThat(asked.at()).isEqualTo(now);
  }

  private MailServerProbe probe(int port) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(port));
    return new MailServerProbe(
        Session.getInstance(properties), Duration.ofSeconds(1), Duration.ofSeconds(10), clock);
  }

  private int startSmtp() throws Exception {
    int port = freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return port;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
