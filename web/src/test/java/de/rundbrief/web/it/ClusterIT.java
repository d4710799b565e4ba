package de.rundbrief.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import de.rundbrief.web.it.Api.Response;
import de.rundbrief.web.it.InstancesScript.Run;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cluster of three instances on loopback, made and started by {@code server-config/instances.sh}
 * as IT does, sharing the IT PostgreSQL database and Payara's data grid: a staff session signed in
 * on one instance goes on on the others, with its view state, until it signs out on any; a setting
 * changed on one counts on the others within about a second; a mailing is sent by all three, and
 * when one is killed in the middle (SIGKILL) the others take over its recipients: every recipient
 * once, apart from at most the killed instance's messages in flight; and a session the killed one
 * made goes on on the others.
 */
@ExtendWith(RundbriefServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

  private static final String CLUSTER = "rundbrief-it";
  private static final List<String> MEMBERS = List.of("a", "b", "c");
  private static final int RECIPIENTS = 1_500;
  private static final int CONNECTIONS = 2;
  private static final int PER_SECOND = 40;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private Path home;
  private final Map<String, URL> bases = new LinkedHashMap<>();

  @BeforeAll
  void startCluster() throws Exception {
    home =
        Files.createDirectories(
            RundbriefServer.itDirectory().resolve("cluster-" + System.nanoTime()));
    for (String member : MEMBERS) {
      int port = Loopback.freePort();
      Run created =
          script(
              "create",
              member,
              "--port",
              port,
              "--cluster",
              CLUSTER,
              "--cluster-port",
              Loopback.freePort(),
              InstancesScript.onTestDatabase(),
              "--smtp-host",
              "127.0.0.1",
              "--smtp-port",
              RundbriefServer.smtp().getSmtp().getPort(),
              "--mail-from",
              RundbriefServer.MAIL_FROM,
              "--heap",
              "320m",
              "--system-property",
              "rundbrief.sending.lease-seconds=" + RundbriefServer.SENDING_LEASE_SECONDS,
              "--system-property",
              "rundbrief.cluster.lease-seconds=" + RundbriefServer.CLUSTER_LEASE_SECONDS,
              "--system-property",
              "rundbrief.public.requests-per-minute=600");
      assertThat(created.exitCode()).as(created.output()).isZero();
      bases.put(member, URI.create("http://localhost:" + port + "/").toURL());
    }
    Run started = script("start");
    assertThat(started.exitCode()).as(started.output()).isZero();
    for (String member : MEMBERS) {
      assertThat(started.output()).contains(member + ": starting on port");
    }
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (home == null) {
      return;
    }
    Api admin = Api.as(base("a"), "admin");
    admin.delete("settings/SENDING_PER_SECOND");
    admin.delete("settings/SENDING_CONNECTIONS");
    admin.delete("settings/IMPRINT_HTML");
    script("stop");
  }

  @Test
  void aSignedInSessionGoesOnOnEveryInstanceAndASettingCountsEverywhereAtOnce() throws Exception {
    String email = "cluster-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    assertThat(
            Api.as(base("a"), "nord-editor")
                .post("tenants/nord/subscribers", "{\"email\":\"" + email + "\"}")
                .status())
        .isEqualTo(201);

    Staff staff = new Staff();
    staff.signIn(base("a"), "nord-editor");
    Page onA = staff.get(base("a"), "subscribers/list.xhtml");
    assertThat(onA.status()).isEqualTo(200);
    assertThat(onA.signedInUser()).isEqualTo("nord-editor");

    // the same session on b and c: signed in as the same user, the working tenant kept
    for (String member : List.of("b", "c")) {
      Page page = staff.get(base(member), "subscribers/list.xhtml");
      assertThat(page.status()).as(member).isEqualTo(200);
      assertThat(page.signedInUser()).as(member).isEqualTo("nord-editor");
      assertThat(page.body()).as(member).contains("Tochter Nord GmbH");
    }

    // a view made on a goes on on b and c: the search typed on b is still the view's on c
    String viewState = onA.viewState();
    Page searched =
        staff.ajax(
            base("b"),
            "subscribers/list.xhtml",
            viewState,
            "subscribers:search",
            "keyup",
            Map.of("subscribers:search", email));
    assertThat(searched.body()).contains("<partial-response").doesNotContain("<error>");
    assertThat(searched.emailsShown()).containsExactly(email);
    Page filtered =
        staff.ajax(
            base("c"),
            "subscribers/list.xhtml",
            viewState,
            "subscribers:statusFilter",
            "change",
            Map.of("subscribers:statusFilter_input", ""));
    assertThat(filtered.body()).doesNotContain("<error>");
    assertThat(filtered.emailsShown()).as("the query kept in the view").containsExactly(email);

    // signed out on b, signed out on a and c too
    Page beforeSignOut = staff.get(base("b"), "subscribers/list.xhtml");
    Page signedOut =
        staff.post(
            base("b"),
            "subscribers/list.xhtml",
            Map.of(
                "shell", "shell",
                "shell:signOut", "",
                "jakarta.faces.ViewState", beforeSignOut.viewState()));
    assertThat(signedOut.status()).isEqualTo(302);
    assertThat(signedOut.location()).contains("login.xhtml");
    for (String member : MEMBERS) {
      Page after = staff.get(base(member), "subscribers/list.xhtml");
      assertThat(after.status()).as(member).isEqualTo(302);
      assertThat(after.location()).as(member).contains("login.xhtml");
    }

    // a setting changed on a counts on b and c within about a second
    long list = newsletter();
    String imprint = "Cluster " + UUID.randomUUID().toString().substring(0, 8);
    for (String member : List.of("b", "c")) {
      assertThat(subscribePage(member, list)).doesNotContain(imprint);
    }
    Api admin = Api.as(base("a"), "admin");
    assertThat(
            admin.put("settings/IMPRINT_HTML", "{\"value\":\"<p>" + imprint + "</p>\"}").status())
        .isEqualTo(200);
    long changed = System.nanoTime();
    for (String member : List.of("b", "c")) {
      waitFor(Duration.ofSeconds(5), () -> subscribePage(member, list).contains(imprint));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void everyInstanceSendsAndAKilledOnesRecipientsAreTakenOverNoneLostNoneTwiceButInFlight()
      throws Exception {
    Api admin = Api.as(base("a"), "admin");
    assertThat(
            admin
                .put("settings/SENDING_CONNECTIONS", "{\"value\":\"" + CONNECTIONS + "\"}")
                .status())
        .isEqualTo(200);
    admin.put("settings/SENDING_PER_SECOND", "{\"value\":\"" + PER_SECOND + "\"}");
    admin.put("settings/ALLOWED_SENDER_DOMAINS", "{\"value\":\"nord.example\\nsued.example\"}");

    String run = UUID.randomUUID().toString().substring(0, 8);
    long list = SeededList.inNord("cluster-" + run, RECIPIENTS);
    Api editor = Api.as(base("a"), "nord-editor");
    Response created =
        editor.post(
            "tenants/nord/mailings",
            Json.createObjectBuilder()
                .add("name", "Cluster " + run)
                .add("subject", "Cluster " + run)
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

    // every instance claims recipients: the claim's owner starts with the server's PID
    Map<String, Long> pids = new HashMap<>();
    for (String member : MEMBERS) {
      pids.put(member, pid(member));
    }
    Set<Long> senders = new TreeSet<>();
    waitFor(
        Duration.ofSeconds(60),
        () -> {
          senders.addAll(claimingPids(mailing));
          return senders.containsAll(pids.values()) && sent(editor, progressPath) >= 400;
        });

    // a member of staff signed in on c, whose session c made
    Staff staff = new Staff();
    staff.signIn(base("c"), "nord-editor");
    assertThat(staff.get(base("c"), "subscribers/list.xhtml").signedInUser())
        .isEqualTo("nord-editor");

    ProcessHandle killed = ProcessHandle.of(pids.get("c")).orElseThrow();
    killed.destroyForcibly();
    killed.onExit().get(30, TimeUnit.SECONDS);
    int atKill = received(run).values().stream().mapToInt(Integer::intValue).sum();
    assertThat(atKill).as("killed in the middle").isLessThan(RECIPIENTS);

    // c's death loses no session: the same member of staff goes on on a and b, still signed in
    for (String member : List.of("a", "b")) {
      Page page = staff.get(base(member), "subscribers/list.xhtml");
      assertThat(page.status()).as(member).isEqualTo(200);
      assertThat(page.signedInUser()).as(member).isEqualTo("nord-editor");
      assertThat(page.body()).as(member).contains("Tochter Nord GmbH");
    }

    // c starts again meanwhile and joins the cluster; a and b finish the mailing
    CompletableFuture<Run> restart =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return script("start", "c");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    waitFor(
        Duration.ofSeconds(RundbriefServer.SENDING_LEASE_SECONDS + 90),
        () -> "sent".equals(editor.get(progressPath).object().getString("status")));

    JsonObject progress = editor.get(progressPath).object();
    assertThat(progress.getInt("sent")).isEqualTo(RECIPIENTS);
    assertThat(progress.getInt("failed")).isZero();
    Map<String, Integer> received = received(run);
    assertThat(received).hasSize(RECIPIENTS);
    int duplicates = received.values().stream().mapToInt(count -> count - 1).sum();
    assertThat(duplicates)
        .as("only the killed instance's messages in flight")
        .isLessThanOrEqualTo(CONNECTIONS);

    Run restarted = restart.get(3, TimeUnit.MINUTES);
    assertThat(restarted.exitCode()).as(restarted.output()).isZero();
  }

  /** The PIDs of the servers that hold claims on a mailing's recipients now. */
  private static Set<Long> claimingPids(long mailing) {
    return Sql.column(
            PostgresDatabase.get().superuser(),
            "SELECT DISTINCT split_part(lease_owner, '@', 1) FROM mailing_recipient"
                + " WHERE tenant_id = 'nord' AND mailing_id = ? AND lease_owner IS NOT NULL",
            mailing)
        .stream()
        .filter(owner -> owner.matches("\\d+"))
        .map(Long::valueOf)
        .collect(Collectors.toSet());
  }

  /** Messages received per address of this run. */
  private static Map<String, Integer> received(String run) throws MessagingException {
    Map<String, Integer> counts = new HashMap<>();
    for (MimeMessage message : RundbriefServer.smtp().getReceivedMessages()) {
      String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
      if (to.startsWith("cluster-" + run + "-")) {
        counts.merge(to, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static int sent(Api api, String path) {
    return api.get(path).object().getInt("sent");
  }

  /** The demo tenant nord's public double opt-in list. */
  private long newsletter() {
    return Api.as(base("a"), "nord-editor").get("tenants/nord/lists").json().asJsonArray().stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(list -> list.getString("name").equals("Newsletter"))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  /** The public subscription page of a list, whose footer shows the imprint setting. */
  private String subscribePage(String member, long list) throws Exception {
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(base(member) + "subscribe.xhtml?tenant=nord&list=" + list))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  private URL base(String member) {
    return bases.get(member);
  }

  private long pid(String member) throws IOException {
    return Long.parseLong(Files.readString(home.resolve(member + "/server.pid")).trim());
  }

  /**
   * A member of staff in a browser, as far as the session goes: the cookies the servers set, sent
   * to every instance (they share the host name), forms posted by hand.
   */
  private static final class Staff {
    private final Map<String, String> cookies = new LinkedHashMap<>();

    void signIn(URL base, String user) throws Exception {
      Page login = get(base, "login.xhtml");
      Page signedIn =
          post(
              base,
              "login.xhtml",
              Map.of(
                  "login",
                  "login",
                  "login:username",
                  user,
                  "login:password",
                  RundbriefServer.PASSWORD,
                  "login:signIn",
                  "",
                  "jakarta.faces.ViewState",
                  login.viewState()));
      assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
      assertThat(signedIn.location()).endsWith("/subscribers/list.xhtml");
    }

    Page get(URL base, String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Page post(URL base, String path, Map<String, String> form) throws Exception {
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** A PrimeFaces Ajax request of one component, rendering the subscriber table. */
    Page ajax(
        URL base,
        String path,
        String viewState,
        String source,
        String event,
        Map<String, String> values)
        throws Exception {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("jakarta.faces.partial.ajax", "true");
      form.put("jakarta.faces.source", source);
      form.put("jakarta.faces.partial.execute", source);
      form.put("jakarta.faces.partial.render", "subscribers:table");
      form.put("jakarta.faces.behavior.event", event);
      form.put("jakarta.faces.partial.event", event);
      form.put("subscribers", "subscribers");
      form.putAll(values);
      form.put("jakarta.faces.ViewState", viewState);
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Faces-Request", "partial/ajax")
              .header("X-Requested-With", "XMLHttpRequest")
              .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    private Page send(HttpRequest.Builder request) throws Exception {
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return new Page(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Location").orElse(""));
    }

    private static String encode(Map<String, String> form) {
      return form.entrySet().stream()
          .map(
              field ->
                  URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
    }
  }

  /** One answer of a screen. */
  private record Page(int status, String body, String location) {

    private static final Pattern VIEW_STATE =
        Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern USER = Pattern.compile("id=\"shell:signedInUser\"[^>]*>([^<]*)<");
    private static final Pattern EMAIL = Pattern.compile("class=\"rb-email\"[^>]*>([^<]*)<");

    String viewState() {
      Matcher matcher = VIEW_STATE.matcher(body);
      assertThat(matcher.find()).as("a view state in " + body).isTrue();
      return matcher.group(1);
    }

    String signedInUser() {
      Matcher matcher = USER.matcher(body);
      return matcher.find() ? matcher.group(1).trim() : null;
    }

    List<String> emailsShown() {
      List<String> emails = new ArrayList<>();
      Matcher matcher = EMAIL.matcher(body);
      while (matcher.find()) {
        emails.add(matcher.group(1).trim());
      }
      return emails;
    }
  }

  private Run script(Object... arguments) throws Exception {
    return new InstancesScript(home).run(arguments);
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
      Thread.sleep(100);
    }
    throw new AssertionError("Not within " + limit);
  }
}
