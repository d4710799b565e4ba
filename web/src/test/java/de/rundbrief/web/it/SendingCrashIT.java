package de.rundbrief.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.web.it.Api.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sending engine survives its server being killed: Payara Micro with Rundbrief, started as IT
 * starts it, is killed with SIGKILL in the middle of a mailing and started again; the SMTP server
 * on loopback then holds one message per recipient, and at most one more per connection (the
 * messages in flight at the kill).
 */
@ExtendWith(RundbriefServer.class)
class SendingCrashIT {

  private static final int RECIPIENTS = 1_200;
  private static final int CONNECTIONS = 2;

  private Process server;
  private URL base;

  @AfterEach
  void stop() throws Exception {
    if (server != null && server.isAlive()) {
      Api admin = Api.as(base, "admin");
      admin.delete("settings/SENDING_PER_SECOND");
      admin.delete("settings/SENDING_CONNECTIONS");
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aKilledServerResumesSendingAfterItsRestartAndNobodyIsLostOrMailedTwiceButInFlight()
      throws Exception {
    int port = Loopback.freePort();
    base = URI.create("http://localhost:" + port + "/").toURL();
    server = start(port);
    Api admin = Api.as(base, "admin");
    assertThat(
            admin
                .put("settings/SENDING_CONNECTIONS", "{\"value\":\"" + CONNECTIONS + "\"}")
                .status())
        .isEqualTo(200);
    admin.put("settings/SENDING_PER_SECOND", "{\"value\":\"60\"}");
    admin.put("settings/ALLOWED_SENDER_DOMAINS", "{\"value\":\"nord.example\\nsued.example\"}");

    String run = UUID.randomUUID().toString().substring(0, 8);
    long list = SeededList.inNord("crash-" + run, RECIPIENTS);
    Api editor = Api.as(base, "nord-editor");
    Response created =
        editor.post(
            "tenants/nord/mailings",
            Json.createObjectBuilder()
                .add("name", "Crash " + run)
                .add("subject", "Crash " + run)
                .add("senderAddress", "newsletter@nord.example")
                .add("htmlBody", "<p>Hallo {{ firstName }}</p>")
                .add("listIds", Json.createArrayBuilder().add(list))
                .build()
                .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long mailing = created.object().getJsonNumber("id").longValue();
    String progressPath = "tenants/nord/mailings/" + mailing + "/progress";
    assertThat(editor.post("tenants/nord/mailings/" + mailing + "/start", "").status())
        .isEqualTo(200);

    waitFor(Duration.ofSeconds(60), () -> sent(editor, progressPath) >= 200);
    server.destroyForcibly();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int atKill = received(run).values().stream().mapToInt(Integer::intValue).sum();
    assertThat(atKill).isLessThan(RECIPIENTS);

    server = start(port);
    Api editorAgain = Api.as(base, "nord-editor");
    waitFor(
        Duration.ofSeconds(RundbriefServer.SENDING_LEASE_SECONDS + 120),
        () -> "sent".equals(editorAgain.get(progressPath).object().getString("status")));

    JsonObject progress = editorAgain.get(progressPath).object();
    assertThat(progress.getInt("sent")).isEqualTo(RECIPIENTS);
    assertThat(progress.getInt("failed")).isZero();
    Map<String, Integer> received = received(run);
    assertThat(received).hasSize(RECIPIENTS);
    int duplicates = received.values().stream().mapToInt(count -> count - 1).sum();
    assertThat(duplicates)
        .as("only the messages in flight at the kill")
        .isLessThanOrEqualTo(CONNECTIONS);
  }

  /** Messages received per address of this run. */
  private static Map<String, Integer> received(String run) throws MessagingException {
    Map<String, Integer> counts = new HashMap<>();
    for (MimeMessage message : RundbriefServer.smtp().getReceivedMessages()) {
      String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
      if (to.startsWith("crash-" + run + "-")) {
        counts.merge(to, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static int sent(Api api, String path) {
    return api.get(path).object().getInt("sent");
  }

  /** Payara Micro with the built WAR and IT's configuration, ready to answer. */
  private static Process start(int port) throws Exception {
    RundbriefServer.resetRealm();
    Path it = RundbriefServer.itDirectory();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                System.getProperty("payara.microJar"),
                "--nocluster",
                "--disablephonehome",
                "--port",
                String.valueOf(port),
                "--postbootcommandfile",
                it.resolve("post-boot.asadmin").toString(),
                "--systemproperties",
                it.resolve("system.properties").toString(),
                "--addlibs",
                System.getProperty("rundbrief.postgresqlJar"),
                "--deploy",
                System.getProperty("rundbrief.war"))
            .redirectErrorStream(true)
            .redirectOutput(it.resolve("crash-server-" + System.nanoTime() + ".log").toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    URI login = URI.create("http://localhost:" + port + "/login.xhtml");
    waitFor(
        Duration.ofSeconds(120),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError("Payara Micro stopped while starting");
          }
          try {
            return http.send(
                        HttpRequest.newBuilder(login).build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200;
          } catch (IOException e) {
            return false;
          }
        });
    return process;
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void waitFor(Duration limit, Condition condition) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Not within " + limit);
  }
}
