package de.rundbrief.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.rundbrief.ear.Http.Answer;
import de.rundbrief.ear.Slapd.Person;
import de.rundbrief.infrastructure.demo.DemoData;
import de.rundbrief.testsupport.PostgresDatabase;
import jakarta.json.JsonValue;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on a real Payara Server domain, prepared by {@code
 * server-config/payara-server/prepare-domain.sh} exactly as IT runs it: a PostgreSQL database made
 * with {@code create-database.sql} and no schema yet, an LDAP realm against slapd on loopback, the
 * mail session to an SMTP server on loopback, system properties, then the EAR deployed. Staff sign
 * in with their directory passwords and get what their directory groups give, nothing more.
 */
class PayaraServerIT {

  private static final String MAIL_FROM = "newsletter@rundbrief.test";
  private static final int PUBLIC_REQUESTS_PER_MINUTE = 3;

  private static final Person CENTRAL_ADMIN =
      new Person("erika", "Erika-Passwort-1", List.of("rundbrief-central-admin"));
  private static final Person NORD_EDITOR_SUED_VIEWER =
      new Person(
          "jonas", "Jonas-Passwort-2", List.of("rundbrief-nord-editor", "rundbrief-sued-viewer"));
  private static final Person NORD_VIEWER =
      new Person("nina", "Nina-Passwort-3", List.of("rundbrief-nord-viewer"));
  private static final Person NO_RUNDBRIEF_GROUP =
      new Person("otto", "Otto-Passwort-4", List.of("marketing"));

  private static PostgresDatabase database;
  private static GreenMail smtp;
  private static Slapd ldap;
  private static PayaraDomain domain;
  private static URI base;

  @BeforeAll
  static void prepareTheDomainAsItDoesAndDeploy() throws Exception {
    Path it = Path.of(System.getProperty("rundbrief.itDirectory"));
    deleteRecursively(it);
    Files.createDirectories(it);
    database = PostgresDatabase.withoutSchema();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    ldap =
        Slapd.start(
            Files.createDirectories(it.resolve("slapd")),
            List.of(CENTRAL_ADMIN, NORD_EDITOR_SUED_VIEWER, NORD_VIEWER, NO_RUNDBRIEF_GROUP));
    domain = PayaraDomain.create(Path.of(System.getProperty("payara.home")), it);
    domain.start();
    base = URI.create("http://localhost:" + domain.httpPort() + "/");
    prepareDomain(it.resolve("logs/prepare-domain.log"));
  }

  @AfterAll
  static void stopEverything() throws Exception {
    List<Exception> failures = new ArrayList<>();
    for (AutoCloseable part : new AutoCloseable[] {domain, ldap, database}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception e) {
        failures.add(e);
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }

  @Test
  void theEarMigratedTheEmptyDatabaseAndLoadedTheDemoTenants() throws SQLException {
    try (Connection connection = database.owner().getConnection();
        Statement statement = connection.createStatement();
        ResultSet migrations =
            statement.executeQuery(
                "SELECT count(*), bool_and(success) FROM flyway_schema_history")) {
      migrations.next();
      assertThat(migrations.getInt(1)).isPositive();
      assertThat(migrations.getBoolean(2)).isTrue();
    }
    assertThat(tenantKeys(CENTRAL_ADMIN)).containsExactly("nord", "sued");
  }

  @Test
  void aCentralAdministratorFromTheDirectoryReachesEveryTenantAndTheGlobalSettings() {
    for (String tenant : List.of("nord", "sued")) {
      Answer subscribers = get(CENTRAL_ADMIN, "tenants/" + tenant + "/subscribers");
      assertThat(subscribers.status()).as(subscribers.body()).isEqualTo(200);
      assertThat(subscribers.object().getJsonArray("items"))
          .isNotEmpty()
          .allSatisfy(
              item ->
                  assertThat(item.asJsonObject().getString("email")).endsWith(tenant + ".example"));
    }
    Answer settings = get(CENTRAL_ADMIN, "settings/PUBLIC_BASE_URL");
    assertThat(settings.status()).as(settings.body()).isEqualTo(200);
    assertThat(settings.object().getString("value")).isEqualTo(publicUrl());
  }

  @Test
  void groupsOfTwoTenantsGiveEachTenantItsOwnRoleAndNothingCentral() {
    assertThat(tenantKeys(NORD_EDITOR_SUED_VIEWER)).containsExactly("nord", "sued");
    Answer inNord =
        post(NORD_EDITOR_SUED_VIEWER, "tenants/nord/subscribers", subscriber(unique("nord")));
    assertThat(inNord.status()).as(inNord.body()).isEqualTo(201);
    assertThat(get(NORD_EDITOR_SUED_VIEWER, "tenants/sued/subscribers").status()).isEqualTo(200);
    String suedAddress = unique("sued");
    Answer inSued =
        post(NORD_EDITOR_SUED_VIEWER, "tenants/sued/subscribers", subscriber(suedAddress));
    assertThat(inSued.status()).as("a viewer in sued").isEqualTo(403);
    assertThat(
            get(CENTRAL_ADMIN, "tenants/sued/subscribers?q=" + suedAddress)
                .object()
                .getInt("total"))
        .isZero();
    assertThat(get(NORD_EDITOR_SUED_VIEWER, "settings").status()).isEqualTo(403);
  }

  @Test
  void aTenantViewerFindsNoOtherTenantAndWritesNothing() {
    assertThat(tenantKeys(NORD_VIEWER)).containsExactly("nord");
    assertThat(get(NORD_VIEWER, "tenants/nord/subscribers").status()).isEqualTo(200);
    Answer sued = get(NORD_VIEWER, "tenants/sued/subscribers");
    assertThat(sued.status()).isEqualTo(404);
    assertThat(sued.object().getString("message")).isEqualTo("Not found");
    assertThat(post(NORD_VIEWER, "tenants/nord/subscribers", subscriber(unique("nord"))).status())
        .isEqualTo(403);
    assertThat(get(NORD_VIEWER, "settings").status()).isEqualTo(403);
  }

  @Test
  void nobodyGetsInWithoutARundbriefGroupOrWithAWrongPassword() {
    assertThat(ldap.accepts(NO_RUNDBRIEF_GROUP)).as("the directory takes the password").isTrue();
    assertThat(get(NO_RUNDBRIEF_GROUP, "tenants").status()).isEqualTo(401);
    Person wrongPassword =
        new Person(CENTRAL_ADMIN.uid(), "not-" + CENTRAL_ADMIN.password(), List.of());
    assertThat(get(wrongPassword, "tenants").status()).isEqualTo(401);
    Person unknown = new Person("nobody", CENTRAL_ADMIN.password(), List.of());
    assertThat(get(unknown, "tenants").status()).isEqualTo(401);

    Http screens = new Http(base);
    Answer refused = screens.signIn(NO_RUNDBRIEF_GROUP.uid(), NO_RUNDBRIEF_GROUP.password());
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("Sign-in failed");
    Answer list = screens.page("subscribers/list.xhtml");
    assertThat(list.status()).isEqualTo(302);
    assertThat(list.location()).endsWith("/login.xhtml");
  }

  @Test
  void staffSignInOnTheScreensWithTheirDirectoryPassword() {
    Http screens = new Http(base);
    assertThat(screens.page("subscribers/list.xhtml").location()).endsWith("/login.xhtml");
    Answer signedIn =
        screens.signIn(NORD_EDITOR_SUED_VIEWER.uid(), NORD_EDITOR_SUED_VIEWER.password());
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/subscribers/list.xhtml");
    Answer list = screens.page("subscribers/list.xhtml");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .containsPattern("signedInUser\"[^>]*>" + NORD_EDITOR_SUED_VIEWER.uid() + "<")
        .contains("@nord.example");
    assertThat(screens.page("tenants/list.xhtml").status())
        .as("central administration")
        .isEqualTo(403);
  }

  @Test
  void confirmationMailsGoThroughTheMailSessionWithLinksToThePublicUrl() throws Exception {
    String address = unique("mail");
    Answer created = post(NORD_EDITOR_SUED_VIEWER, "tenants/nord/subscribers", subscriber(address));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long subscriber = created.object().getJsonNumber("id").longValue();
    Answer member =
        post(
            NORD_EDITOR_SUED_VIEWER,
            "tenants/nord/lists/" + newsletterList() + "/members",
            "{\"subscriberId\":" + subscriber + "}");
    assertThat(member.status()).as(member.body()).isEqualTo(200);
    assertThat(member.object().getString("status")).isEqualTo("PENDING");

    MimeMessage mail = mailTo(address);
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(MAIL_FROM);
    assertThat(mail.getSubject()).startsWith("Please confirm");
    assertThat(GreenMailUtil.getBody(mail)).contains(publicUrl() + "/confirm.xhtml?token=");
  }

  @Test
  void aSystemPropertyGivenToTheScriptHoldsInRundbrief() {
    String form = "public/tenants/nord/lists/" + newsletterList();
    Http visitor = new Http(base);
    for (int i = 0; i < PUBLIC_REQUESTS_PER_MINUTE; i++) {
      assertThat(visitor.page("api/v1/" + form).status()).isEqualTo(200);
    }
    assertThat(visitor.page("api/v1/" + form).status()).isEqualTo(429);
  }

  private static void prepareDomain(Path log) throws IOException, InterruptedException {
    Path serverConfig = Path.of(System.getProperty("rundbrief.serverConfig"));
    List<String> command =
        List.of(
            "bash",
            serverConfig.resolve("payara-server/prepare-domain.sh").toString(),
            "--db-url",
            "jdbc:postgresql://localhost:" + database.port() + "/" + PostgresDatabase.DATABASE,
            "--db-password",
            "unused",
            "--db-schema-password",
            "unused",
            "--ldap-url",
            ldap.url(),
            "--ldap-base-dn",
            Slapd.PEOPLE,
            "--ldap-group-base-dn",
            Slapd.GROUPS,
            "--ldap-bind-dn",
            Slapd.SEARCH_DN,
            "--ldap-bind-password",
            Slapd.SEARCH_PASSWORD,
            "--public-url",
            publicUrl(),
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            String.valueOf(smtp.getSmtp().getPort()),
            "--mail-from",
            MAIL_FROM,
            "--demo-data",
            "--system-property",
            "rundbrief.public.requests-per-minute=" + PUBLIC_REQUESTS_PER_MINUTE,
            "--ear",
            System.getProperty("rundbrief.ear"),
            "--driver",
            System.getProperty("rundbrief.postgresqlJar"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(PayaraDomain.environment());
    builder.environment().put("ASADMIN", domain.asadmin().toString());
    builder.environment().put("ASADMIN_OPTS", domain.asadminOptions());
    Process script = builder.start();
    if (!script.waitFor(300, TimeUnit.SECONDS)) {
      script.destroyForcibly();
      fail("prepare-domain.sh took longer than 300 s:\n" + PayaraDomain.tail(log, 60));
    }
    if (script.exitValue() != 0) {
      fail(
          "prepare-domain.sh failed:\n"
              + PayaraDomain.tail(log, 60)
              + "\nserver.log:\n"
              + domain.serverLogTail());
    }
  }

  private static String publicUrl() {
    return "http://localhost:" + domain.httpPort();
  }

  private static Answer get(Person person, String path) {
    return new Http(base).apiGet(person.uid(), person.password(), path);
  }

  private static Answer post(Person person, String path, String json) {
    return new Http(base).apiPost(person.uid(), person.password(), path, json);
  }

  private static List<String> tenantKeys(Person person) {
    Answer tenants = get(person, "tenants");
    assertThat(tenants.status()).as(tenants.body()).isEqualTo(200);
    return tenants.array().stream()
        .map(JsonValue::asJsonObject)
        .map(tenant -> tenant.getString("key"))
        .toList();
  }

  private static long newsletterList() {
    Answer lists = get(NORD_EDITOR_SUED_VIEWER, "tenants/nord/lists");
    assertThat(lists.status()).as(lists.body()).isEqualTo(200);
    return lists.array().stream()
        .map(JsonValue::asJsonObject)
        .filter(list -> list.getString("name").equals(DemoData.NEWSLETTER))
        .map(list -> list.getJsonNumber("id").longValue())
        .findFirst()
        .orElseThrow();
  }

  private static MimeMessage mailTo(String address) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : smtp.getReceivedMessages()) {
        if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
          return message;
        }
      }
      Thread.sleep(100);
    }
    return fail("No mail to " + address + " within 20 s");
  }

  private static String subscriber(String address) {
    return "{\"email\":\"" + address + "\"}";
  }

  private static String unique(String prefix) {
    return prefix + "-" + System.nanoTime() + "@" + prefix + ".example";
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
