package de.rundbrief.web.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import de.rundbrief.web.it.Api;
import de.rundbrief.web.it.InstancesScript;
import de.rundbrief.web.it.Loopback;
import de.rundbrief.web.it.RundbriefServer;
import de.rundbrief.web.it.SeededList;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The send rate of one mailing with one, two and three clustered instances against one SMTP sink,
 * as a scaling ratio: each configuration made and started by {@code server-config/instances.sh}
 * against the build's PostgreSQL, a mailing of {@value #RECIPIENTS} recipients sent through
 * postfix's {@code smtp-sink} on loopback, timed from its start to its last message. A measurement,
 * not a test: {@code ./mvnw -q install -DskipTests && ./mvnw -Pbenchmark verify -pl web
 * -Dit.test=ClusterSendingBenchmark}. Results go to {@code
 * web/target/benchmarks/cluster-sending.md}.
 */
@ExtendWith(RundbriefServer.class)
class ClusterSendingBenchmark {

  private static final int RECIPIENTS =
      Integer.getInteger("rundbrief.benchmark.recipients", 100_000);
  private static final int CONNECTIONS = 4;
  private static final int ROUNDS = Integer.getInteger("rundbrief.benchmark.rounds", 1);

  private record Result(int round, int instances, double seconds, double perSecond) {}

  @Test
  void sendRateWithOneTwoAndThreeInstances() throws Exception {
    int sinkPort = Loopback.freePort();
    Process sink = smtpSink(sinkPort);
    try {
      List<Result> results = new ArrayList<>();
      for (int round = 1; round <= ROUNDS; round++) {
        for (int instances = 1; instances <= 3; instances++) {
          results.add(measure(round, instances, sinkPort));
        }
      }
      report(results);
    } finally {
      sink.destroy();
    }
  }

  /** Postfix's smtp-sink on loopback: takes every message as fast as it can and keeps none. */
  private static Process smtpSink(int port) throws IOException {
    String sink =
        Files.isExecutable(Path.of("/usr/sbin/smtp-sink")) ? "/usr/sbin/smtp-sink" : "smtp-sink";
    return new ProcessBuilder(sink, "-u", "nobody", "-c", "127.0.0.1:" + port, "1000")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private Result measure(int round, int instances, int sinkPort) throws Exception {
    Path home =
        Files.createDirectories(
            RundbriefServer.itDirectory().resolve("bench-cluster-" + System.nanoTime()));
    InstancesScript script = new InstancesScript(home);
    String cluster = "bench-" + round + "-" + instances;
    List<URL> bases = new ArrayList<>();
    for (int i = 1; i <= instances; i++) {
      int port = Loopback.freePort();
      InstancesScript.Run created =
          script.run(
              "create",
              "m" + i,
              "--port",
              port,
              "--cluster",
              cluster,
              "--cluster-port",
              Loopback.freePort(),
              InstancesScript.onTestDatabase(),
              "--smtp-host",
              "127.0.0.1",
              "--smtp-port",
              sinkPort,
              "--mail-from",
              RundbriefServer.MAIL_FROM,
              "--heap",
              "320m");
      assertThat(created.exitCode()).as(created.output()).isZero();
      bases.add(URI.create("http://localhost:" + port + "/").toURL());
    }
    InstancesScript.Run started = script.run("start");
    assertThat(started.exitCode()).as(started.output()).isZero();
    try {
      Api admin = Api.as(bases.get(0), "admin");
      // the setting holds for the whole cluster: CONNECTIONS for each instance
      admin.put("settings/SENDING_CONNECTIONS", "{\"value\":\"" + CONNECTIONS * instances + "\"}");
      admin.put("settings/SENDING_PER_SECOND", "{\"value\":\"100000\"}");
      admin.put("settings/ALLOWED_SENDER_DOMAINS", "{\"value\":\"nord.example\"}");
      String run = UUID.randomUUID().toString().substring(0, 8);
      long list = SeededList.inNord("bench-" + run, RECIPIENTS);
      Sql.update(PostgresDatabase.get().superuser(), "ANALYZE subscriber");
      Sql.update(PostgresDatabase.get().superuser(), "ANALYZE subscription");
      Api editor = Api.as(bases.get(0), "nord-editor");
      long mailing =
          editor
              .post(
                  "tenants/nord/mailings",
                  Json.createObjectBuilder()
                      .add("name", "Bench " + run)
                      .add("subject", "Hallo {{ firstName }}")
                      .add("senderAddress", "newsletter@nord.example")
                      .add("htmlBody", body())
                      .add("listIds", Json.createArrayBuilder().add(list))
                      .build()
                      .toString())
              .object()
              .getJsonNumber("id")
              .longValue();
      Thread.sleep(3_000); // every instance's sending engine is idle and looking
      long begin = System.nanoTime();
      assertThat(editor.post("tenants/nord/mailings/" + mailing + "/start", "").status())
          .isEqualTo(200);
      String progress = "tenants/nord/mailings/" + mailing + "/progress";
      while (editor.get(progress).object().getInt("sent") < RECIPIENTS) {
        Thread.sleep(200);
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      assertThat(editor.get(progress).object().getInt("failed")).isZero();
      admin.delete("settings/SENDING_CONNECTIONS");
      admin.delete("settings/SENDING_PER_SECOND");
      return new Result(round, instances, seconds, RECIPIENTS / seconds);
    } finally {
      script.run("stop");
    }
  }

  private static String body() {
    StringBuilder html = new StringBuilder("<h1>Hallo {{ firstName }}</h1>");
    for (int i = 0; i < 40; i++) {
      html.append("<p>Neuigkeiten aus der Tochter Nord, Absatz ")
          .append(i)
          .append(": Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod")
          .append(" tempor incididunt ut labore et dolore magna aliqua.</p>");
    }
    return html.toString();
  }

  private static void report(List<Result> results) throws IOException {
    StringBuilder table =
        new StringBuilder(
            "| round | instances | time | msg/s | against one instance |\n"
                + "|------:|----------:|-----:|------:|---------------------:|\n");
    for (Result result : results) {
      double one =
          results.stream()
              .filter(r -> r.round() == result.round() && r.instances() == 1)
              .findFirst()
              .orElseThrow()
              .perSecond();
      table.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %.1f s | %,.0f | %.2f |%n",
              result.round(),
              result.instances(),
              result.seconds(),
              result.perSecond(),
              result.perSecond() / one));
    }
    Path out = Path.of("target", "benchmarks", "cluster-sending.md");
    Files.createDirectories(out.getParent());
    Files.writeString(
        out,
        "Recipients per mailing: "
            + RECIPIENTS
            + ", connections per instance: "
            + CONNECTIONS
            + "\n\n"
            + table);
    System.out.println(table);
  }
}
