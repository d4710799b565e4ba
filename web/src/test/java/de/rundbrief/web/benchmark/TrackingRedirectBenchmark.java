package de.rundbrief.web.benchmark;

import de.rundbrief.web.it.Api;
import de.rundbrief.web.it.Mailbox;
import de.rundbrief.web.it.RundbriefServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The click redirect and the open pixel under concurrent load with wrk on loopback, side by side in
 * one run with a static file of the same server as the limit, and afterwards the check that every
 * click was recorded. A measurement, not a test: run it with {@code ./mvnw -Pbenchmark verify -pl
 * web -Dit.test=TrackingRedirectBenchmark} after {@code ./mvnw install -DskipTests}; it needs
 * {@code wrk} (Debian package {@code wrk}). Results go to {@code
 * web/target/benchmarks/tracking-redirect.md}.
 */
@ExtendWith(RundbriefServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrackingRedirectBenchmark {

  private static final int CONNECTIONS = Integer.getInteger("rundbrief.benchmark.connections", 32);
  private static final int SECONDS = Integer.getInteger("rundbrief.benchmark.seconds", 10);
  private static final int ROUNDS = 3;
  private static final int WARM_UP_SECONDS = 15;

  private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("\\s+(50|90|99)%\\s+([0-9.]+)(us|ms|s)");

  @Deployment(testable = false)
  static WebArchive rundbrief() {
    return RundbriefServer.war();
  }

  @ArquillianResource private URL base;

  private record Result(
      String label, double perSecond, long requests, long errors, String p50, String p99) {}

  @Test
  void clicksAndOpensAgainstAStaticFile() throws Exception {
    Api admin = Api.as(base, "admin");
    admin.put("settings/ALLOWED_SENDER_DOMAINS", "{\"value\":\"nord.example\\nsued.example\"}");
    Api editor = Api.as(base, "nord-editor");
    String reader = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    long list =
        editor
            .post(
                "tenants/nord/lists",
                "{\"name\":\"Bench "
                    + UUID.randomUUID().toString().substring(0, 6)
                    + "\",\"visibility\":\"INTERNAL\",\"optInMode\":\"SINGLE\"}")
            .object()
            .getJsonNumber("id")
            .longValue();
    long subscriber =
        editor
            .post("tenants/nord/subscribers", "{\"email\":\"" + reader + "\"}")
            .object()
            .getJsonNumber("id")
            .longValue();
    editor.post(
        "tenants/nord/lists/" + list + "/members",
        "{\"subscriberId\":" + subscriber + ",\"legalBasis\":\"Benchmark\"}");
    long mailing =
        editor
            .post(
                "tenants/nord/mailings",
                "{\"name\":\"Bench\",\"subject\":\"Bench\",\"language\":\"de\","
                    + "\"senderAddress\":\"newsletter@nord.example\","
                    + "\"htmlBody\":\"<p><a href=\\\"https://nord.example/angebot\\\">A</a></p>\","
                    + "\"listIds\":["
                    + list
                    + "]}")
            .object()
            .getJsonNumber("id")
            .longValue();
    editor.post("tenants/nord/mailings/" + mailing + "/start", "");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (Mailbox.messagesTo(reader).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    String html = Mailbox.html(Mailbox.messagesTo(reader).get(0));
    URI loopback = URI.create("http://127.0.0.1:" + base.getPort());
    URI click = loopback.resolve(path(html, "href=\"([^\"]*/t/c/[A-Za-z0-9_-]+)\""));
    URI open = loopback.resolve(path(html, "src=\"([^\"]*/t/o/[A-Za-z0-9_-]+)\""));
    URI staticFile = loopback.resolve("/resources/rundbrief/rundbrief.css");

    // the JIT needs about half a minute of each path before the rounds compare like with like
    for (URI warmUp : List.of(staticFile, click, open)) {
      wrk(warmUp, WARM_UP_SECONDS);
    }
    List<Result> results = new ArrayList<>();
    long clicks = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      results.add(run("static file, round " + round, staticFile));
      Result clicked = run("click redirect, round " + round, click);
      clicks += clicked.requests();
      results.add(clicked);
      results.add(run("open pixel, round " + round, open));
    }

    JsonObject statistics = null;
    long recorded = 0;
    deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      statistics = editor.get("tenants/nord/mailings/" + mailing + "/statistics").object();
      recorded =
          statistics.getJsonObject("clicks").getJsonNumber("total").longValue()
              + statistics.getJsonObject("clicks").getJsonNumber("machineTotal").longValue();
      if (recorded >= clicks) {
        break;
      }
      Thread.sleep(500);
    }

    StringBuilder report =
        new StringBuilder(
            "%d connections, %d s each, on loopback%n%n| what | requests/s | requests | errors | p50 | p99 |%n|---|---:|---:|---:|---:|---:|%n"
                .formatted(CONNECTIONS, SECONDS));
    for (Result r : results) {
      report.append(
          "| %s | %.0f | %d | %d | %s | %s |%n"
              .formatted(r.label(), r.perSecond(), r.requests(), r.errors(), r.p50(), r.p99()));
    }
    double staticRate = median(results, "static file");
    double clickRate = median(results, "click redirect");
    double openRate = median(results, "open pixel");
    report.append(
        "%nMedian requests/s: static file %.0f, click redirect %.0f (ratio %.2f), open pixel %.0f (ratio %.2f).%n"
            .formatted(
                staticRate, clickRate, clickRate / staticRate, openRate, openRate / staticRate));
    report.append(
        "Clicks sent by wrk in the measured rounds: %d; recorded (including warm-up): %d.%n"
            .formatted(clicks, recorded));
    Path out = Files.createDirectories(Path.of("target", "benchmarks"));
    Files.writeString(out.resolve("tracking-redirect.md"), report);
    System.out.println(report);
    if (recorded < clicks) {
      throw new AssertionError("Clicks were lost: " + recorded + " of " + clicks);
    }
  }

  private static double median(List<Result> results, String label) {
    List<Double> rates =
        results.stream()
            .filter(r -> r.label().startsWith(label))
            .map(Result::perSecond)
            .sorted()
            .toList();
    return rates.get(rates.size() / 2);
  }

  private static String path(String html, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(html);
    if (!matcher.find()) {
      throw new IllegalStateException("No " + pattern + " in " + html);
    }
    return URI.create(matcher.group(1)).getRawPath();
  }

  private Result run(String label, URI uri) throws IOException, InterruptedException {
    String output = wrk(uri, SECONDS);
    return new Result(
        label,
        Double.parseDouble(find(REQUESTS, output, 1)),
        Long.parseLong(find(TOTAL, output, 1)),
        NON_2XX.matcher(output).find() ? Long.parseLong(find(NON_2XX, output, 1)) : 0,
        percentile(output, "50"),
        percentile(output, "99"));
  }

  private static String percentile(String output, String which) {
    Matcher matcher = PERCENTILE.matcher(output);
    while (matcher.find()) {
      if (matcher.group(1).equals(which)) {
        return matcher.group(2) + " " + matcher.group(3);
      }
    }
    return "?";
  }

  private static String find(Pattern pattern, String text, int group) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("wrk printed no " + pattern + ":\n" + text);
    }
    return matcher.group(group);
  }

  private static String wrk(URI uri, int seconds) throws IOException, InterruptedException {
    Process wrk =
        new ProcessBuilder(
                "wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency", uri.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + output);
    }
    return output;
  }
}
