package de.rundbrief.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.rundbrief.web.it.Api.Response;
import de.rundbrief.web.it.InstancesScript.Run;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Separate instances on one server through {@code server-config/instances.sh}, as IT runs it: two
 * instances with their own port, database, realm, mail session and settings, started one after
 * another and waited for, listed, checked for readiness, and stopped by PID; and an instance whose
 * application cannot deploy reported and stopped instead of counted as ready.
 */
@ExtendWith(RundbriefServer.class)
class InstancesIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Path home;
  private final List<GreenMail> mailServers = new ArrayList<>();

  @BeforeEach
  void home() throws IOException {
    home =
        Files.createDirectories(
            RundbriefServer.itDirectory().resolve("instances-" + System.nanoTime()));
  }

  @AfterEach
  void stopEverything() throws Exception {
    script("stop");
    mailServers.forEach(GreenMail::stop);
  }

  @Test
  void twoInstancesRunSideBySideAndShareNothingButTheBinaries() throws Exception {
    GreenMail alphaMail = mailServer();
    GreenMail betaMail = mailServer();
    int alphaPort = Loopback.freePort();
    int betaPort = Loopback.freePort();
    Path betaRealm = home.resolve("beta-realm.asadmin");
    Path betaPassword = home.resolve("beta-password");
    Files.writeString(betaPassword, "AS_ADMIN_USERPASSWORD=beta-secret\n");
    Files.writeString(
        betaRealm,
        "# beta's own staff\n"
            + "create-auth-realm --classname"
            + " com.sun.enterprise.security.auth.realm.file.FileRealm --property \"file="
            + home.resolve("beta-keyfile").toString().replace(":", "\\:")
            + ":jaas-context=fileRealm\" rundbrief\n"
            + "create-file-user --authrealmname rundbrief --groups rundbrief-central-admin"
            + " --passwordfile "
            + betaPassword
            + " beta-admin\n");

    expect(
            script(
                "create",
                "alpha",
                "--port",
                alphaPort,
                "--smtp-host",
                "127.0.0.1",
                "--smtp-port",
                alphaMail.getSmtp().getPort(),
                "--mail-from",
                "news@alpha.example"))
        .succeeded()
        .contains("Created instance alpha");
    expect(
            script(
                "create",
                "beta",
                "--port",
                betaPort,
                InstancesScript.onTestDatabase(),
                "--realm",
                betaRealm,
                "--smtp-host",
                "127.0.0.1",
                "--smtp-port",
                betaMail.getSmtp().getPort(),
                "--mail-from",
                "news@beta.example"))
        .succeeded();
    expect(script("create", "gamma", "--port", betaPort, "--mail-from", "x@gamma.example"))
        .failed()
        .contains("port " + betaPort + " is taken by instance beta");

    Run started = script("start");
    expect(started).succeeded();
    assertThat(started.output())
        .containsPattern("alpha: starting on port " + alphaPort + " \\(PID \\d+\\) - ready in")
        .containsPattern("beta: starting on port " + betaPort + " \\(PID \\d+\\) - ready in");

    Run list = script("list");
    assertThat(list.output())
        .containsPattern("alpha\\s+" + alphaPort + "\\s+ready\\s+" + pid("alpha") + "\\s+\\d+")
        .containsPattern("beta\\s+" + betaPort + "\\s+ready\\s+" + pid("beta") + "\\s+\\d+");
    assertThat(pid("alpha")).isNotEqualTo(pid("beta"));

    URL alpha = url(alphaPort);
    URL beta = url(betaPort);
    // each its own realm
    assertThat(Api.as(alpha, "admin").get("tenants").status()).isEqualTo(200);
    assertThat(Api.as(beta, "admin").get("tenants").status()).isEqualTo(401);
    assertThat(Api.as(beta, "beta-admin", "beta-secret").get("tenants").status()).isEqualTo(200);
    assertThat(Api.as(alpha, "beta-admin", "beta-secret").get("tenants").status()).isEqualTo(401);

    // each its own data
    String email = "only-in-alpha-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    assertThat(
            Api.as(alpha, "nord-editor")
                .post("tenants/nord/subscribers", "{\"email\":\"" + email + "\"}")
                .status())
        .isEqualTo(201);
    assertThat(total(Api.as(alpha, "admin"), email)).isEqualTo(1);
    assertThat(total(Api.as(beta, "beta-admin", "beta-secret"), email)).isZero();

    // each its own settings
    String betaRate =
        Api.as(beta, "beta-admin", "beta-secret")
            .get("settings/SENDING_PER_SECOND")
            .object()
            .getString("value");
    assertThat(
            Api.as(alpha, "admin").put("settings/SENDING_PER_SECOND", "{\"value\":\"7\"}").status())
        .isEqualTo(200);
    assertThat(
            Api.as(alpha, "admin").get("settings/SENDING_PER_SECOND").object().getString("value"))
        .isEqualTo("7");
    assertThat(
            Api.as(beta, "beta-admin", "beta-secret")
                .get("settings/SENDING_PER_SECOND")
                .object()
                .getString("value"))
        .isEqualTo(betaRate)
        .isNotEqualTo("7");

    // each its own database and mail session, as its readiness tells
    JsonObject alphaReady = readiness(alpha, 200);
    assertThat(check(alphaReady, "database").getJsonObject("data").getString("database"))
        .isEqualTo("H2");
    assertThat(check(alphaReady, "mail-server").getJsonObject("data").getString("server"))
        .isEqualTo("127.0.0.1:" + alphaMail.getSmtp().getPort());
    JsonObject betaReady = readiness(beta, 200);
    assertThat(check(betaReady, "database").getJsonObject("data").getString("database"))
        .isEqualTo("PostgreSQL");
    assertThat(check(betaReady, "mail-server").getString("status")).isEqualTo("UP");

    // beta's mail server goes away: beta is no longer ready, alpha is
    int betaSmtpPort = betaMail.getSmtp().getPort();
    betaMail.stop();
    JsonObject betaDown = awaitReadiness(beta, 503, Duration.ofSeconds(30));
    assertThat(check(betaDown, "mail-server").getString("status")).isEqualTo("DOWN");
    assertThat(check(betaDown, "mail-server").getJsonObject("data").getString("error"))
        .contains(String.valueOf(betaSmtpPort));
    assertThat(check(betaDown, "database").getString("status")).isEqualTo("UP");
    assertThat(readiness(alpha, 200).getString("status")).isEqualTo("UP");
    HttpResponse<String> live = health(alpha, "live");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(check(object(live), "memory").getString("status")).isEqualTo("UP");

    // stopped by PID, the other keeps running
    long alphaPid = pid("alpha");
    assertThat(script("stop", "alpha").output()).contains("alpha: stopped (PID " + alphaPid + ")");
    assertThat(ProcessHandle.of(alphaPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(Files.exists(home.resolve("alpha/server.pid"))).isFalse();
    assertThat(script("list").output())
        .containsPattern("alpha\\s+" + alphaPort + "\\s+stopped")
        .containsPattern("beta\\s+" + betaPort + "\\s+unready\\s+" + pid("beta"));

    expect(script("remove", "alpha")).failed().contains("confirm with --delete-data");
    expect(script("remove", "beta", "--delete-data")).failed().contains("beta is running");
    expect(script("remove", "alpha", "--delete-data")).succeeded();
    assertThat(home.resolve("alpha")).doesNotExist();
  }

  @Test
  void anInstanceWhoseApplicationCannotDeployIsReportedAndStoppedNotCountedAsReady()
      throws Exception {
    int port = Loopback.freePort();
    int nobodyListens = Loopback.freePort();
    script(
        "create",
        "broken",
        "--port",
        port,
        "--db-url",
        "jdbc:postgresql://127.0.0.1:" + nobodyListens + "/rundbrief",
        "--mail-from",
        "news@broken.example",
        "--demo-data");

    Run started = script("start", "broken");

    expect(started).failed().contains("Rundbrief did not deploy; stopping it");
    assertThat(Files.exists(home.resolve("broken/server.pid"))).isFalse();
    assertThat(script("list").output()).containsPattern("broken\\s+" + port + "\\s+stopped");
  }

  private static URL url(int port) throws IOException {
    return URI.create("http://localhost:" + port + "/").toURL();
  }

  private static int total(Api central, String email) {
    Response page = central.get("tenants/nord/subscribers?q=" + email);
    assertThat(page.status()).isEqualTo(200);
    return page.object().getInt("total");
  }

  private static JsonObject readiness(URL base, int status) throws Exception {
    HttpResponse<String> ready = health(base, "ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(status);
    return object(ready);
  }

  private static JsonObject awaitReadiness(URL base, int status, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    HttpResponse<String> ready = health(base, "ready");
    while (ready.statusCode() != status && System.nanoTime() < deadline) {
      Thread.sleep(500);
      ready = health(base, "ready");
    }
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(status);
    return object(ready);
  }

  /** The server's MicroProfile Health answer, {@code /health/<kind>}. */
  private static HttpResponse<String> health(URL base, String kind) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "health/" + kind)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject object(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No check " + name + " in " + health));
  }

  private long pid(String instance) throws IOException {
    return Long.parseLong(Files.readString(home.resolve(instance + "/server.pid")).trim());
  }

  private GreenMail mailServer() throws IOException {
    GreenMail mail =
        new GreenMail(new ServerSetup(Loopback.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    mailServers.add(mail);
    return mail;
  }

  private Run script(Object... arguments) throws Exception {
    return new InstancesScript(home).run(arguments);
  }

  private static RunAssert expect(Run run) {
    return new RunAssert(run);
  }

  /** Assertions on a run of the script that show its output when they fail. */
  static final class RunAssert {
    private final Run run;

    RunAssert(Run run) {
      this.run = run;
    }

    org.assertj.core.api.AbstractStringAssert<?> succeeded() {
      org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.output()).isZero();
      return org.assertj.core.api.Assertions.assertThat(run.output());
    }

    org.assertj.core.api.AbstractStringAssert<?> failed() {
      org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.output()).isNotZero();
      return org.assertj.core.api.Assertions.assertThat(run.output());
    }
  }
}
