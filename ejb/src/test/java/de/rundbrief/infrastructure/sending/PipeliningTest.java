package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.rundbrief.domain.mailing.SenderIdentity;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.html.OwaspMailHtml;
import de.rundbrief.infrastructure.mail.Letter;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;

/**
 * The sending engine's transport against a server that announces PIPELINING and one that does not:
 * the same commands, the same octets, the same refusals, only fewer round trips.
 */
class PipeliningTest {

  private static final Letter LETTER =
      new Letter(
          new Letter.Content(
              TenantKey.of("nord"),
              4711,
              "Tochter Nord GmbH",
              "Neues f\u00fcr {{ firstName }}",
              null,
              new SenderIdentity("Redaktion", "news@nord.example"),
              null,
              "de",
              "<p>Hallo {{ firstName }}</p>\n.<p>ein Punkt vorn</p>\n..<p>zwei</p>",
              "Hallo {{ firstName }},\n.\n.Punkt\n..zwei\nEnde.",
              null),
          new OwaspMailHtml());

  @Test
  void aPipeliningServerGetsTheSameCommandsAndOctetsInFewerRoundTrips() throws Exception {
    try (SelectiveSmtpServer plain = SelectiveSmtpServer.refusing(address -> false);
        SelectiveSmtpServer pipelining =
            SelectiveSmtpServer.pipeliningAndRefusing(address -> false)) {
      String sentPlain = send(plain.port(), "ada@example.org", "Ada");
      String sentPipelined = send(pipelining.port(), "ada@example.org", "Ada");

      assertThat(pipelining.pipelined()).isEqualTo(1);
      assertThat(plain.pipelined()).isZero();
      assertThat(pipelining.envelopes())
          .containsExactlyElementsOf(plain.envelopes())
          .containsExactly(
              "MAIL FROM:<bounces+x@news.example.com> BODY=8BITMIME", "RCPT TO:<ada@example.org>");
      assertThat(plain.messages()).containsExactly(sentPlain);
      assertThat(pipelining.messages()).containsExactly(sentPipelined);
      assertThat(sentPipelined).contains("\r\n.\r\n.Punkt\r\n..zwei\r\n");
    }
  }

  @Test
  void aRefusedRecipientIsReportedAsJakartaMailReportsItAndTheConnectionGoesOn() throws Exception {
    try (SelectiveSmtpServer plain = SelectiveSmtpServer.refusing(a -> a.startsWith("no"));
        SelectiveSmtpServer pipelining =
            SelectiveSmtpServer.pipeliningAndRefusing(a -> a.startsWith("no"))) {
      for (SelectiveSmtpServer server : List.of(plain, pipelining)) {
        Transport transport = connect(server.port());
        try {
          MessagingException refused =
              catchThrowableOfType(
                  () -> send(transport, "nobody@example.org", "Nobody"), MessagingException.class);
          send(transport, "ada@example.org", "Ada");

          assertThat(SmtpReply.of(refused))
              .isEqualTo(
                  new SmtpReply(
                      SmtpReply.Kind.PERMANENT,
                      "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown"));
          assertThat(server.delivered()).containsExactly("ada@example.org");
          assertThat(server.connectionsOpened()).isEqualTo(1);
        } finally {
          transport.close();
        }
      }
      assertThat(pipelining.pipelined()).isEqualTo(2);
    }
  }

  private static String send(int port, String to, String name) throws Exception {
    Transport transport = connect(port);
    try {
      return send(transport, to, name);
    } finally {
      transport.close();
    }
  }

  private static Transport connect(int port) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.timeout", "5000");
    Session session = SendingSession.of(Session.getInstance(properties));
    Transport transport = SendingSession.transport(session);
    transport.connect();
    assertThat(((SMTPTransport) transport).supportsExtension("8BITMIME")).isTrue();
    return transport;
  }

  /** Sends the letter and returns its octets as written, read as ISO-8859-1. */
  private static String send(Transport transport, String to, String name) throws Exception {
    MimeMessage message =
        LETTER.compose(
            Session.getInstance(new Properties()),
            new Letter.Personal(
                815,
                to,
                Map.of("firstName", name)::get,
                "https://x.example/u",
                "https://x.example/o"),
            "bounces+x@news.example.com",
            true);
    ByteArrayOutputStream octets = new ByteArrayOutputStream();
    message.writeTo(octets);
    transport.sendMessage(message, message.getAllRecipients());
    return octets.toString(StandardCharsets.ISO_8859_1);
  }
}
