package de.rundbrief.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.testsupport.CmsTestServer;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import de.rundbrief.web.it.Api.Response;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mailings end to end on Payara Micro, PostgreSQL and an SMTP server on loopback: written through
 * the API, tested, sent by the engine to every subscribed member with personal headers, paused,
 * resumed and cancelled, and never reached from another tenant.
 */
@ExtendWith(RundbriefServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailingsIT {

  private static final String SENDER = "newsletter@nord.example";

  @Deployment(testable = false)
  static WebArchive rundbrief() {
    return RundbriefServer.war();
  }

  @ArquillianResource private URL base;

  @BeforeEach
  void centralAdministratorsAllowTheTenantsDomains() {
    Response allowed =
        Api.as(base, "admin")
            .put("settings/ALLOWED_SENDER_DOMAINS", "{\"value\":\"nord.example\\nsued.example\"}");
    assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
  }

  @AfterEach
  void noLimits() {
    Api.as(base, "admin").delete("settings/SENDING_PER_SECOND");
  }

  @Test
  void growthAndTheTenantComparisonStayWithinWhatTheCallerMaySee() throws Exception {
    Api editor = Api.as(base, "nord-editor");
    long list = createList(editor);
    subscribe(editor, list, unique("growing"), "Gil");
    Response growth = editor.get("tenants/nord/statistics/growth?list=" + list);
    assertThat(growth.status()).as(growth.body()).isEqualTo(200);
    assertThat(growth.json().asJsonArray()).hasSize(1);
    JsonObject today = growth.json().asJsonArray().getJsonObject(0);
    assertThat(today.getString("day"))
        .isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString());
    assertThat(today.getInt("subscriptions")).isEqualTo(1);
    assertThat(editor.get("tenants/nord/statistics/growth").status()).isEqualTo(200);

    Api sued = Api.as(base, "sued-editor");
    assertThat(sued.get("tenants/nord/statistics/growth").status()).isEqualTo(404);
    assertThat(sued.get("tenants/sued/statistics/growth?list=" + list).status())
        .as("another tenant's list")
        .isEqualTo(404);
    assertThat(editor.get("statistics/tenants").status()).isEqualTo(403);
    assertThat(editor.get("statistics/growth").status()).isEqualTo(403);
    assertThat(editor.get("tenants/nord/statistics/growth?from=gestern").status()).isEqualTo(400);
    assertThat(editor.get("tenants/nord/statistics/growth?from=2026-12-01&to=2026-11-01").status())
        .isEqualTo(400);

    Response tenants = Api.as(base, "admin").get("statistics/tenants");
    assertThat(tenants.status()).as(tenants.body()).isEqualTo(200);
    assertThat(tenants.json().asJsonArray())
        .extracting(t -> t.asJsonObject().getString("tenant"))
        .contains("nord", "sued");
    JsonObject nord =
        tenants.json().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> t.getString("tenant").equals("nord"))
            .findFirst()
            .orElseThrow();
    assertThat(nord.getInt("subscriptions")).isGreaterThanOrEqualTo(1);
    assertThat(Api.as(base, "admin").get("statistics/growth").status()).isEqualTo(200);
  }

  @Test
  void aBounceInTheMailboxMarksTheSubscriberBouncedAndCountsForTheMailing() throws Exception {
    Api editor = Api.as(base, "nord-editor");
    long list = createList(editor);
    String reader = unique("bouncing");
    subscribe(editor, list, reader, "Bo");
    long mailing = createMailing(editor, list, "Zurück", "<p>Hallo</p>");
    editor.post("tenants/nord/mailings/" + mailing + "/start", "");
    waitUntil(editor, mailing, "sent");
    String verp =
        Mailbox.messagesTo(reader).get(0).getHeader("Return-Path")[0].replaceAll("[<>]", "");
    String dsn;
    try (java.io.InputStream in =
        getClass().getClassLoader().getResourceAsStream("bounces/postfix-hard.eml")) {
      dsn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    RundbriefServer.bounceMailbox()
        .deliver(
            new MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(
                    dsn.replace("{{VERP}}", verp)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));

    long deadline = System.nanoTime() + 20_000_000_000L;
    JsonObject bounced = null;
    while (System.nanoTime() < deadline) {
      bounced = editor.get("tenants/nord/lists/" + list + "/members?status=BOUNCED").object();
      if (bounced.getInt("total") == 1) {
        break;
      }
      Thread.sleep(300);
    }
    assertThat(bounced.getInt("total")).as("the bounce was read and applied").isEqualTo(1);
    JsonObject statistics = editor.get("tenants/nord/mailings/" + mailing + "/statistics").object();
    assertThat(statistics.getJsonObject("bounces").getInt("hard")).isEqualTo(1);
    assertThat(statistics.getInt("sent")).isEqualTo(1);
  }

  @Test
  void trackedLinksLeadOnlyWhereTheMailSaysAndCountPeopleAndMachinesApart() throws Exception {
    Api editor = Api.as(base, "nord-editor");
    long list = createList(editor);
    String reader = unique("tracked");
    long readerId = createSubscriber(editor, reader, "Tia");
    Response member =
        editor.post(
            "tenants/nord/lists/" + list + "/members",
            "{\"subscriberId\":" + readerId + ",\"legalBasis\":\"Signed form\"}");
    assertThat(member.status()).as(member.body()).isEqualTo(200);
    String body =
        "<p><a href=\"https://nord.example/angebot?k=1&amp;b=2\">Angebot</a>"
            + " <a href=\"https://nord.example/blog\">Blog</a></p>";
    long mailing = createMailing(editor, list, "Gemessen", body);
    Response started = editor.post("tenants/nord/mailings/" + mailing + "/start", "");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    waitUntil(editor, mailing, "sent");
    long sentAt = System.nanoTime();

    String html = Mailbox.html(Mailbox.messagesTo(reader).get(0));
    Matcher click = Pattern.compile("href=\"([^\"]*/t/c/[A-Za-z0-9_-]+)\"").matcher(html);
    assertThat(click.find()).as(html).isTrue();
    URI tracked = URI.create(click.group(1));
    Matcher open = Pattern.compile("src=\"([^\"]*/t/o/[A-Za-z0-9_-]+)\"").matcher(html);
    assertThat(open.find()).as(html).isTrue();
    URI pixel = URI.create(open.group(1));
    assertThat(html).doesNotContain("href=\"https://nord.example/angebot");
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    HttpResponse<String> scanner = visit(http, local(tracked), "GET", firefox);
    assertThat(scanner.statusCode())
        .as("a click seconds after delivery still leads on")
        .isEqualTo(302);
    assertThat(scanner.headers().firstValue("Location"))
        .contains("https://nord.example/angebot?k=1&b=2");
    String token = tracked.getPath().substring(tracked.getPath().lastIndexOf('/') + 1);
    String altered =
        token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
    for (String forged : List.of(altered, "x", "AQ" + "A".repeat(120))) {
      HttpResponse<String> refused =
          visit(http, Loopback.of(base).resolve("/t/c/" + forged), "GET", firefox);
      assertThat(refused.statusCode()).as(forged).isEqualTo(404);
      assertThat(refused.headers().firstValue("Location")).as(forged).isEmpty();
      assertThat(refused.body()).contains("not valid");
    }
    HttpResponse<String> head = visit(http, local(pixel), "HEAD", firefox);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).contains("image/gif");

    long waited = (System.nanoTime() - sentAt) / 1_000_000;
    Thread.sleep(Math.max(0, 11_000 - waited));
    assertThat(visit(http, local(tracked), "GET", firefox).statusCode()).isEqualTo(302);
    HttpResponse<String> opened = visit(http, local(pixel), "GET", firefox);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.headers().firstValue("Cache-Control")).contains("no-store, private");

    JsonObject statistics = null;
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      statistics = editor.get("tenants/nord/mailings/" + mailing + "/statistics").object();
      if (statistics.getJsonObject("clicks").getInt("total") == 1
          && statistics.getJsonObject("opens").getInt("total") == 1) {
        break;
      }
      Thread.sleep(300);
    }
    assertThat(statistics.getInt("sent")).isEqualTo(1);
    assertThat(statistics.getJsonObject("clicks").getInt("total"))
        .as(statistics.toString())
        .isEqualTo(1);
    assertThat(statistics.getJsonObject("clicks").getInt("unique")).isEqualTo(1);
    assertThat(statistics.getJsonObject("clicks").getInt("machineTotal"))
        .as("the click right after delivery")
        .isEqualTo(1);
    assertThat(statistics.getJsonObject("opens").getInt("total")).isEqualTo(1);
    assertThat(statistics.getJsonObject("opens").getInt("machineTotal"))
        .as("the HEAD")
        .isEqualTo(1);
    assertThat(statistics.getJsonArray("links")).hasSize(2);
    assertThat(statistics.getJsonArray("links").getJsonObject(0).getString("url"))
        .isEqualTo("https://nord.example/angebot?k=1&b=2");
    assertThat(statistics.getJsonArray("links").getJsonObject(0).getInt("total")).isEqualTo(1);
    assertThat(statistics.getJsonArray("links").getJsonObject(1).getInt("total")).isZero();
    assertThat(statistics.getJsonObject("opens").keySet())
        .containsExactlyInAnyOrder("total", "unique", "machineTotal", "machineUnique");
    assertThat(statistics.getJsonObject("bounces").keySet())
        .containsExactlyInAnyOrder("hard", "soft", "complaints", "autoReplies");
    assertThat(statistics.getJsonArray("links").getJsonObject(0).keySet())
        .containsExactlyInAnyOrder("index", "url", "total", "unique");

    assertThat(statistics.getJsonArray("timeline")).isNotEmpty();
    Response csv = editor.getCsv("tenants/nord/mailings/" + mailing + "/statistics.csv");
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.body())
        .contains("sent,1")
        .contains("clicks,1")
        .contains("machine clicks,1")
        .contains("1,https://nord.example/angebot?k=1&b=2,1,1");
    assertThat(
            Api.as(base, "sued-editor")
                .getCsv("tenants/nord/mailings/" + mailing + "/statistics.csv")
                .status())
        .isEqualTo(404);
    assertThat(
            Api.as(base, "sued-editor")
                .getCsv("tenants/sued/mailings/" + mailing + "/statistics.csv")
                .status())
        .as("another tenant's mailing id under one's own tenant")
        .isEqualTo(404);

    Response events = editor.get("tenants/nord/subscribers/" + readerId + "/tracking");
    assertThat(events.status()).as(events.body()).isEqualTo(200);
    assertThat(events.json().asJsonArray())
        .extracting(
            e -> e.asJsonObject().getString("kind") + ":" + e.asJsonObject().getBoolean("machine"))
        .containsExactlyInAnyOrder("click:true", "click:false", "open:true", "open:false");
    assertThat(events.body())
        .as("the address shortened, whether the client came over IPv4 or IPv6 loopback")
        .containsPattern("\"ip\":\"(127\\.0\\.0\\.0|::)\"")
        .doesNotContain("127.0.0.1")
        .doesNotContain("::1");
    assertThat(editor.get("tenants/nord/subscribers/" + readerId + "/export").body())
        .contains("\"trackingEvents\"");
    for (String path :
        List.of(
            "tenants/nord/subscribers/" + readerId + "/tracking",
            "tenants/sued/subscribers/" + readerId + "/tracking")) {
      assertThat(Api.as(base, "sued-editor").get(path).status()).as(path).isEqualTo(404);
    }
    assertThat(
            Api.as(base, "sued-editor")
                .get("tenants/nord/mailings/" + mailing + "/statistics")
                .status())
        .isEqualTo(404);
    assertThat(
            Api.as(base, "sued-editor")
                .get("tenants/sued/mailings/" + mailing + "/statistics")
                .status())
        .isEqualTo(404);
    assertThat(
            Api.as(base, "nord-viewer")
                .get("tenants/nord/mailings/" + mailing + "/statistics")
                .status())
        .isEqualTo(200);

    String untracked = unique("untracked");
    subscribe(editor, list, untracked, "Ute");
    String withoutTracking =
        mailingJson(list, "Ungemessen", "<p><a href=\"https://nord.example/x\">X</a></p>", SENDER)
            .replaceFirst("\\{", "{\"tracking\":false,");
    Response plain = editor.post("tenants/nord/mailings", withoutTracking);
    assertThat(plain.status()).as(plain.body()).isEqualTo(201);
    assertThat(plain.object().getBoolean("tracking")).isFalse();
    long plainId = plain.object().getJsonNumber("id").longValue();
    editor.post("tenants/nord/mailings/" + plainId + "/start", "");
    waitUntil(editor, plainId, "sent");
    String plainHtml =
        Mailbox.messagesTo(untracked).stream()
            .filter(m -> subject(m).equals("Ungemessen"))
            .map(Mailbox::html)
            .findFirst()
            .orElseThrow();
    assertThat(plainHtml).contains("href=\"https://nord.example/x\"").doesNotContain("/t/");
  }

  private URI local(URI tracked) throws Exception {
    return Loopback.of(base).resolve(tracked.getRawPath());
  }

  private static HttpResponse<String> visit(
      HttpClient http, URI uri, String method, String userAgent) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("User-Agent", userAgent)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void cmsSourcesAreCentralAndEditorsTakeContentFromThemInTheirOwnTenantOnly() {
    Api admin = Api.as(base, "admin");
    Api editor = Api.as(base, "nord-editor");
    try (CmsTestServer cms = new CmsTestServer()) {
      admin.delete("settings/CMS_ALLOWED_HOSTS");
      long feed = createSource(admin, "FEED", cms.uri("/files/rss2.xml").toString(), "");

      Response refused = editor.get("tenants/nord/cms/sources/" + feed + "/items");
      assertThat(refused.status()).as(refused.body()).isEqualTo(502);
      assertThat(refused.object().getJsonObject("fields").getString("reason"))
          .isEqualTo("ADDRESS_NOT_ALLOWED");
      assertThat(cms.requests()).as("nothing reached the internal host").isEmpty();

      Response allowed = admin.put("settings/CMS_ALLOWED_HOSTS", "{\"value\":\"127.0.0.1\"}");
      assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
      Response items = editor.get("tenants/nord/cms/sources/" + feed + "/items?max=2");
      assertThat(items.status()).as(items.body()).isEqualTo(200);
      assertThat(items.json().asJsonArray()).hasSize(2);
      JsonObject first = items.json().asJsonArray().getJsonObject(0);
      assertThat(first.getString("title")).isEqualTo("Straßenfest in München – Programm & Anfahrt");
      Response blocks =
          editor.post(
              "tenants/nord/cms/sources/" + feed + "/blocks",
              "{\"items\":[\"" + first.getString("id") + "\"],\"readMore\":\"Weiterlesen\"}");
      assertThat(blocks.status()).as(blocks.body()).isEqualTo(200);
      assertThat(blocks.object().getString("html"))
          .contains("Straßenfest in München")
          .contains(">Weiterlesen</a>")
          .contains("href=\"" + first.getString("link"));

      Response forEditors = editor.get("tenants/nord/cms/sources");
      assertThat(forEditors.status()).isEqualTo(200);
      assertThat(forEditors.body()).contains("\"id\":" + feed).doesNotContain("/files/rss2.xml");
      assertThat(editor.get("tenants/sued/cms/sources").status()).isEqualTo(404);
      assertThat(editor.get("tenants/sued/cms/sources/" + feed + "/items").status()).isEqualTo(404);
      assertThat(
              editor
                  .post("tenants/sued/cms/sources/" + feed + "/blocks", "{\"items\":[\"x\"]}")
                  .status())
          .isEqualTo(404);
      assertThat(
              Api.as(base, "nord-viewer")
                  .get("tenants/nord/cms/sources/" + feed + "/items")
                  .status())
          .isEqualTo(403);
      assertThat(editor.get("cms/sources").status()).isEqualTo(403);
      assertThat(
              editor
                  .post(
                      "cms/sources",
                      "{\"name\":\"x\",\"kind\":\"FEED\",\"url\":\"https://x.example/\"}")
                  .status())
          .isEqualTo(403);

      long wordpress =
          createSource(
              admin,
              "WORDPRESS",
              cms.uri("/").toString(),
              ",\"username\":\""
                  + CmsTestServer.WP_USER
                  + "\",\"password\":\""
                  + CmsTestServer.WP_PASSWORD
                  + "\"");
      Response stored = admin.get("cms/sources/" + wordpress);
      assertThat(stored.object().getString("credentials")).isEqualTo("STORED");
      assertThat(stored.body()).doesNotContain(CmsTestServer.WP_PASSWORD);
      assertThat(admin.get("cms/sources").body()).doesNotContain(CmsTestServer.WP_PASSWORD);
      Response posts = editor.get("tenants/nord/cms/sources/" + wordpress + "/items?max=3");
      assertThat(posts.status()).as(posts.body()).isEqualTo(200);
      assertThat(posts.json().asJsonArray())
          .extracting(post -> post.asJsonObject().getString("id"))
          .containsExactly("1234", "1228", "1201");
      Response withoutPassword =
          admin.put(
              "cms/sources/" + wordpress,
              "{\"name\":\""
                  + unique("wp")
                  + "\",\"kind\":\"WORDPRESS\",\"url\":\""
                  + cms.uri("/")
                  + "\",\"removeCredentials\":true}");
      assertThat(withoutPassword.object().getString("credentials")).isEqualTo("NONE");
      Response unauthorised = editor.get("tenants/nord/cms/sources/" + wordpress + "/items");
      assertThat(unauthorised.status()).isEqualTo(502);
      assertThat(unauthorised.object().getJsonObject("fields").getString("reason"))
          .isEqualTo("UNAUTHORISED");

      long page = createSource(admin, "WEB_PAGE", cms.uri("/files/page.html").toString(), "");
      Response body = editor.get("tenants/nord/cms/sources/" + page + "/page");
      assertThat(body.status()).as(body.body()).isEqualTo(200);
      assertThat(body.object().getString("title"))
          .isEqualTo("Rundbrief Oktober – Neues aus der Genossenschaft");
      assertThat(body.object().getString("html"))
          .contains("Herbstgrüße aus Köln")
          .contains(cms.uri("/files/img/logo.png").toString())
          .doesNotContain("<script");
      assertThat(editor.get("tenants/nord/cms/sources/" + feed + "/page").status())
          .as("only a web page becomes a body")
          .isEqualTo(400);
      assertThat(editor.get("tenants/sued/cms/sources/" + page + "/page").status()).isEqualTo(404);

      long broken = createSource(admin, "FEED", cms.uri("/status/500").toString(), "");
      Response check = admin.post("cms/sources/" + broken + "/check", "");
      assertThat(check.status()).isEqualTo(502);
      assertThat(check.object().getJsonObject("fields").getString("reason"))
          .isEqualTo("HTTP_ERROR");

      assertThat(
              admin
                  .post(
                      "cms/sources",
                      "{\"name\":\""
                          + unique("f")
                          + "\",\"kind\":\"FEED\",\"url\":\"file:///etc/passwd\"}")
                  .status())
          .isEqualTo(400);
      Response nameless =
          admin.post("cms/sources", "{\"kind\":\"FEED\",\"url\":\"https://x.example/\"}");
      assertThat(nameless.status()).isEqualTo(400);
      assertThat(nameless.object().getJsonObject("fields").containsKey("name")).isTrue();
      String taken = admin.get("cms/sources/" + feed).object().getString("name");
      assertThat(
              admin
                  .post(
                      "cms/sources",
                      "{\"name\":\""
                          + taken
                          + "\",\"kind\":\"FEED\",\"url\":\"https://x.example/\"}")
                  .status())
          .isEqualTo(409);

      for (long source : List.of(feed, wordpress, page, broken)) {
        assertThat(admin.delete("cms/sources/" + source).status()).isEqualTo(204);
      }
      assertThat(editor.get("tenants/nord/cms/sources/" + feed + "/items").status()).isEqualTo(404);
    } finally {
      admin.delete("settings/CMS_ALLOWED_HOSTS");
    }
  }

  private long createSource(Api admin, String kind, String url, String more) {
    Response created =
        admin.post(
            "cms/sources",
            "{\"name\":\""
                + unique("quelle")
                + "\",\"kind\":\""
                + kind
                + "\",\"url\":\""
                + url
                + "\""
                + more
                + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.object().getJsonNumber("id").longValue();
  }

  @Test
  void aMailingGoesToEverySubscribedMemberOncePersonalisedWithItsOwnHeaders() throws Exception {
    Api editor = Api.as(base, "nord-editor");
    long list = createList(editor);
    List<String> readers = new ArrayList<>();
    for (String name : List.of("Ada", "Bea", "Cem")) {
      String email = unique(name.toLowerCase());
      readers.add(email);
      subscribe(editor, list, email, name);
    }
    String pending = unique("pending");
    long asked = createSubscriber(editor, pending, "Pia");
    editor.post("tenants/nord/lists/" + list + "/members", "{\"subscriberId\":" + asked + "}");

    long mailing =
        createMailing(
            editor, list, "Herbst für {{ firstName | Sie }}", "<p>Hallo {{ firstName }}</p>");
    String tester = unique("tester");
    Response test =
        editor.post(
            "tenants/nord/mailings/" + mailing + "/test", "{\"addresses\":[\"" + tester + "\"]}");
    assertThat(test.status()).as(test.body()).isEqualTo(204);
    MimeMessage testMail = Mailbox.waitForMessageTo(tester);
    assertThat(testMail.getSubject()).isEqualTo("[Test] Herbst für Sie");
    Response preview = editor.getHtml("tenants/nord/mailings/" + mailing + "/preview");
    assertThat(preview.body()).contains("Hallo </p>").contains("Abmelden");

    Response started = editor.post("tenants/nord/mailings/" + mailing + "/start", "");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.object().getString("status")).isEqualTo("sending");
    assertThat(started.object().getInt("recipientCount")).isEqualTo(3);
    JsonObject progress = waitUntil(editor, mailing, "sent");
    assertThat(progress.getInt("sent")).isEqualTo(3);
    assertThat(progress.getInt("remaining")).isZero();

    for (String reader : readers) {
      List<MimeMessage> received = Mailbox.messagesTo(reader);
      assertThat(received).as(reader).hasSize(1);
      MimeMessage mail = received.get(0);
      assertThat(mail.getSubject()).startsWith("Herbst für ").doesNotEndWith("Sie");
      assertThat(mail.getFrom()[0].toString()).contains(SENDER);
      assertThat(mail.getHeader("List-Unsubscribe-Post"))
          .containsExactly("List-Unsubscribe=One-Click");
      assertThat(mail.getHeader("Return-Path")[0])
          .matches(
              "<newsletter\\+rb\\.nord\\." + mailing + "\\.\\d+\\.[0-9a-f]{10}@rundbrief\\.test>");
      assertThat(mail.getMessageID()).startsWith("<rb.nord." + mailing + ".");
    }
    assertThat(Mailbox.messagesTo(pending))
        .as("pending, not confirmed: the confirmation mail only")
        .extracting(MimeMessage::getSubject)
        .noneMatch(subject -> subject.startsWith("Herbst"));
    JsonObject recipients =
        editor.get("tenants/nord/mailings/" + mailing + "/recipients?state=sent").object();
    assertThat(recipients.getInt("total")).isEqualTo(3);

    String oneClick =
        Mailbox.messagesTo(readers.get(0))
            .get(0)
            .getHeader("List-Unsubscribe")[0]
            .replaceAll("[<>]", "");
    HttpResponse<String> unsubscribed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(oneClick))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(unsubscribed.statusCode()).isEqualTo(200);
    JsonObject members =
        editor.get("tenants/nord/lists/" + list + "/members?status=SUBSCRIBED").object();
    assertThat(members.getInt("total")).isEqualTo(2);
    JsonObject statistics = editor.get("tenants/nord/mailings/" + mailing + "/statistics").object();
    assertThat(statistics.getJsonNumber("unsubscribes").longValue())
        .as("the one-click unsubscribe counts for the mailing it came from")
        .isEqualTo(1);
    assertThat(statistics.getJsonNumber("unsubscribeRate").doubleValue()).isEqualTo(1.0 / 3);
    assertThat(editor.getCsv("tenants/nord/mailings/" + mailing + "/statistics.csv").body())
        .contains("unsubscribes,1");

    Response change =
        editor.put(
            "tenants/nord/mailings/" + mailing, mailingJson(list, "Neu", "<p>x</p>", SENDER));
    assertThat(change.status()).as("a sent mailing is the archive").isEqualTo(409);
  }

  @Test
  void anotherTenantsMailingIsNotThereAndRolesHold() {
    Api editor = Api.as(base, "nord-editor");
    long list = createList(editor);
    long mailing = createMailing(editor, list, "Intern", "<p>Intern</p>");
    String path = "tenants/nord/mailings/" + mailing;

    Api sued = Api.as(base, "sued-editor");
    assertThat(sued.get(path).status()).isEqualTo(404);
    assertThat(sued.get("tenants/sued/mailings/" + mailing).status()).isEqualTo(404);
    assertThat(sued.post("tenants/sued/mailings/" + mailing + "/start", "").status())
        .isEqualTo(404);
    assertThat(sued.getHtml("tenants/sued/mailings/" + mailing + "/preview").status())
        .isEqualTo(404);
    assertThat(sued.getHtml(path + "/preview").status()).isEqualTo(404);
    long suedSubscriber =
        sued.get("tenants/sued/subscribers?size=1")
            .object()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    Response foreignPreview = editor.getHtml(path + "/preview?subscriber=" + suedSubscriber);
    assertThat(foreignPreview.status()).as("a subscriber of another tenant").isEqualTo(404);
    assertThat(editor.getHtml(path + "/preview").body()).doesNotContain("@sued.example");
    assertThat(sued.get("tenants/sued/mailings/" + mailing + "/progress").status()).isEqualTo(404);
    assertThat(sued.get("tenants/sued/mailings/" + mailing + "/recipients").status())
        .isEqualTo(404);
    assertThat(sued.delete("tenants/sued/mailings/" + mailing).status()).isEqualTo(404);
    Response suedList =
        sued.post(
            "tenants/sued/mailings", mailingJson(list, "Fremd", "<p>x</p>", "a@sued.example"));
    assertThat(suedList.status()).as("a list of another tenant").isEqualTo(400);
    assertThat(
            sued.get("tenants/sued/mailings").object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .noneMatch(m -> m.getJsonNumber("id").longValue() == mailing))
        .isTrue();

    Api viewer = Api.as(base, "nord-viewer");
    assertThat(viewer.get(path).status()).isEqualTo(200);
    assertThat(viewer.post(path + "/start", "").status()).isEqualTo(403);
    assertThat(
            viewer
                .post("tenants/nord/mailings", mailingJson(list, "V", "<p>x</p>", SENDER))
                .status())
        .isEqualTo(403);

    Response unknown =
        editor.post(
            "tenants/nord/mailings", mailingJson(list, "X", "<p>{{ fristName }}</p>", SENDER));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.object().getString("message")).contains("fristName");
    Response foreignDomain =
        editor.post("tenants/nord/mailings", mailingJson(list, "X", "<p>x</p>", "a@gmail.com"));
    assertThat(foreignDomain.status()).isEqualTo(400);
    assertThat(foreignDomain.object().getString("message")).contains("gmail.com");
    Response script =
        editor.post(
            "tenants/nord/mailings",
            mailingJson(list, "X", "<p onclick=\"x()\">Hi<script>alert(1)</script></p>", SENDER));
    assertThat(script.status()).isEqualTo(201);
    assertThat(script.object().getString("htmlBody")).isEqualTo("<p>Hi</p>");

    // a change that leaves out language and tracking keeps them
    Response english =
        editor.post(
            "tenants/nord/mailings",
            Json.createObjectBuilder()
                .add("name", "English")
                .add("subject", "News")
                .add("senderAddress", SENDER)
                .add("language", "en")
                .add("tracking", false)
                .add("htmlBody", "<p>Hello</p>")
                .add("listIds", Json.createArrayBuilder().add(list))
                .build()
                .toString());
    assertThat(english.status()).as(english.body()).isEqualTo(201);
    long englishId = english.object().getJsonNumber("id").longValue();
    JsonObject changed =
        editor
            .put(
                "tenants/nord/mailings/" + englishId,
                Json.createObjectBuilder()
                    .add("name", "English")
                    .add("subject", "News, changed")
                    .add("senderAddress", SENDER)
                    .add("htmlBody", "<p>Hello again</p>")
                    .add("listIds", Json.createArrayBuilder().add(list))
                    .build()
                    .toString())
            .object();
    assertThat(changed.getString("subject")).isEqualTo("News, changed");
    assertThat(changed.getString("language")).isEqualTo("en");
    assertThat(changed.getBoolean("tracking")).isFalse();

    // the list has nobody subscribed: the mailing would go to nobody and show as sent
    Response toNobody = editor.post(path + "/start", "");
    assertThat(toNobody.status()).isEqualTo(400);
    assertThat(toNobody.object().getString("message")).contains("no subscribed recipients");
    assertThat(editor.get(path).object().getString("status")).isEqualTo("draft");
  }

  @Test
  void pausedSendingWaitsResumesAndACancelSkipsTheRest() throws Exception {
    Api admin = Api.as(base, "admin");
    admin.put("settings/SENDING_PER_SECOND", "{\"value\":\"2\"}");
    Api editor = Api.as(base, "nord-editor");
    long list = createList(editor);
    for (int i = 0; i < 20; i++) {
      subscribe(editor, list, unique("slow" + i), "S" + i);
    }
    long mailing = createMailing(editor, list, "Langsam", "<p>Langsam</p>");
    String path = "tenants/nord/mailings/" + mailing;

    assertThat(editor.post(path + "/start", "").status()).isEqualTo(200);
    assertThat(editor.post(path + "/pause", "").object().getString("status")).isEqualTo("paused");
    Thread.sleep(3_000);
    JsonObject paused = editor.get(path + "/progress").object();
    long sentWhilePaused = paused.getInt("sent");
    Thread.sleep(2_000);
    assertThat(editor.get(path + "/progress").object().getInt("sent"))
        .as("nothing goes out while paused")
        .isEqualTo(sentWhilePaused);
    assertThat(sentWhilePaused).isLessThan(20);

    assertThat(editor.post(path + "/resume", "").object().getString("status")).isEqualTo("sending");
    Thread.sleep(1_500);
    assertThat(editor.post(path + "/cancel", "").object().getString("status"))
        .isEqualTo("cancelled");
    Thread.sleep(1_500);
    JsonObject cancelled = editor.get(path + "/progress").object();
    assertThat(cancelled.getInt("remaining")).isZero();
    assertThat(cancelled.getInt("skipped")).isPositive();
    assertThat(cancelled.getInt("sent") + cancelled.getInt("skipped")).isEqualTo(20);
    assertThat(editor.post(path + "/resume", "").status()).isEqualTo(409);
  }

  @Test
  void aScheduledMailingStartsByItselfAtItsTimeAndNotBefore() throws Exception {
    Api editor = Api.as(base, "nord-editor");
    long list = createList(editor);
    String reader = unique("scheduled");
    subscribe(editor, list, reader, "Sam");
    long mailing = createMailing(editor, list, "Geplant", "<p>Geplant</p>");
    String path = "tenants/nord/mailings/" + mailing;

    Response past =
        editor.post(
            path + "/schedule", "{\"at\":\"" + java.time.Instant.now().minusSeconds(60) + "\"}");
    assertThat(past.status()).isEqualTo(400);
    Response scheduled =
        editor.post(
            path + "/schedule", "{\"at\":\"" + java.time.Instant.now().plusSeconds(4) + "\"}");
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    assertThat(scheduled.object().getString("status")).isEqualTo("scheduled");
    assertThat(editor.put(path, mailingJson(list, "Anders", "<p>x</p>", SENDER)).status())
        .as("a scheduled mailing goes back to draft before it changes")
        .isEqualTo(409);
    assertThat(Mailbox.messagesTo(reader)).isEmpty();

    JsonObject progress = waitUntil(editor, mailing, "sent");
    assertThat(progress.getInt("sent")).isEqualTo(1);
    assertThat(Mailbox.messagesTo(reader))
        .extracting(MimeMessage::getSubject)
        .containsExactly("Geplant");
  }

  @Test
  void mailingsStartFromTheTenantsOwnTemplatesAndFromPublishedSharedOnes() {
    Api admin = Api.as(base, "admin");
    Api editor = Api.as(base, "nord-editor");
    Api sued = Api.as(base, "sued-editor");
    String run = UUID.randomUUID().toString().substring(0, 8);

    Response shared =
        admin.post(
            "templates",
            "{\"name\":\"Konzern "
                + run
                + "\",\"subject\":\"Aus dem Konzern\","
                + "\"htmlBody\":\"<p>Hallo {{ firstName | Leserin }}<script>x()</script></p>\","
                + "\"published\":false}");
    assertThat(shared.status()).as(shared.body()).isEqualTo(201);
    long sharedId = shared.object().getJsonNumber("id").longValue();
    assertThat(shared.object().getString("htmlBody"))
        .isEqualTo("<p>Hallo {{ firstName | Leserin }}</p>");
    assertThat(editor.get("tenants/nord/templates").body()).doesNotContain("Konzern " + run);
    assertThat(
            editor
                .post(
                    "tenants/nord/mailings/from-template",
                    "{\"name\":\"x\",\"templateId\":" + sharedId + ",\"shared\":true}")
                .status())
        .as("not yet published")
        .isEqualTo(404);
    assertThat(
            editor
                .post(
                    "templates", "{\"name\":\"Eigen\",\"subject\":\"s\",\"htmlBody\":\"<p>x</p>\"}")
                .status())
        .as("only central administrators write shared templates")
        .isEqualTo(403);

    admin.put(
        "templates/" + sharedId,
        "{\"name\":\"Konzern "
            + run
            + "\",\"subject\":\"Aus dem Konzern\","
            + "\"htmlBody\":\"<p>Hallo {{ firstName | Leserin }}</p>\",\"published\":true}");
    assertThat(
            Sql.column(
                PostgresDatabase.get().superuser(),
                "SELECT actor || ' ' || action || ' ' || detail FROM audit_entry"
                    + " WHERE detail LIKE ? ORDER BY id",
                "Konzern " + run + " (%"))
        .as("shared templates reach every tenant: each change is audited")
        .containsExactly(
            "admin template.createShared Konzern " + run + " (" + sharedId + ", not published)",
            "admin template.updateShared Konzern " + run + " (" + sharedId + ", published)");
    assertThat(sued.get("tenants/sued/templates").body()).contains("Konzern " + run);
    Response fromShared =
        editor.post(
            "tenants/nord/mailings/from-template",
            "{\"name\":\"Herbst "
                + run
                + "\",\"templateId\":"
                + sharedId
                + ",\"shared\":true,"
                + "\"senderAddress\":\"newsletter@nord.example\"}");
    assertThat(fromShared.status()).as(fromShared.body()).isEqualTo(201);
    assertThat(fromShared.object().getString("subject")).isEqualTo("Aus dem Konzern");
    assertThat(fromShared.object().getString("status")).isEqualTo("draft");

    Response own =
        editor.post(
            "tenants/nord/templates",
            "{\"name\":\"Nord "
                + run
                + "\",\"subject\":\"Nordisch\",\"htmlBody\":\"<p>Moin</p>\"}");
    assertThat(own.status()).as(own.body()).isEqualTo(201);
    long ownId = own.object().getJsonNumber("id").longValue();
    assertThat(
            editor
                .post(
                    "tenants/nord/templates",
                    "{\"name\":\"Nord " + run + "\",\"subject\":\"x\",\"htmlBody\":\"<p>x</p>\"}")
                .status())
        .isEqualTo(409);
    assertThat(sued.get("tenants/sued/templates/" + ownId).status()).isEqualTo(404);
    assertThat(sued.get("tenants/nord/templates/" + ownId).status()).isEqualTo(404);
    assertThat(
            sued.put(
                    "tenants/sued/templates/" + ownId,
                    "{\"name\":\"x\",\"subject\":\"x\",\"htmlBody\":\"<p>x</p>\"}")
                .status())
        .isEqualTo(404);
    assertThat(sued.delete("tenants/sued/templates/" + ownId).status()).isEqualTo(404);
    assertThat(
            sued.post(
                    "tenants/sued/mailings/from-template",
                    "{\"name\":\"x\",\"templateId\":" + ownId + "}")
                .status())
        .isEqualTo(404);
    assertThat(sued.get("tenants/sued/templates").body()).doesNotContain("Nord " + run);
    Response fromOwn =
        editor.post(
            "tenants/nord/mailings/from-template",
            "{\"name\":\"Moin "
                + run
                + "\",\"templateId\":"
                + ownId
                + ",\"senderAddress\":\"newsletter@nord.example\"}");
    assertThat(fromOwn.status()).isEqualTo(201);
    assertThat(fromOwn.object().getString("htmlBody")).isEqualTo("<p>Moin</p>");

    Response unknownField =
        admin.post(
            "templates",
            "{\"name\":\"Feld "
                + run
                + "\",\"subject\":\"s\","
                + "\"htmlBody\":\"<p>{{ field.schuhgroesse }}</p>\",\"published\":true}");
    Response refused =
        editor.post(
            "tenants/nord/mailings/from-template",
            "{\"name\":\"x\",\"templateId\":"
                + unknownField.object().getJsonNumber("id").longValue()
                + ",\"shared\":true,\"senderAddress\":\"newsletter@nord.example\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.object().getString("message")).contains("field.schuhgroesse");
    admin.delete("templates/" + sharedId);
    admin.delete("templates/" + unknownField.object().getJsonNumber("id").longValue());
  }

  @Test
  void theCmsPushesADraftWithItsTenantsApiKeyAndReachesNoOtherTenant() throws Exception {
    Api nordAdmin = Api.as(base, "nord-admin");
    assertThat(
            Api.as(base, "nord-editor").post("tenants/nord/api-keys", "{\"name\":\"x\"}").status())
        .as("tenant administrators issue keys")
        .isEqualTo(403);
    Response issued = nordAdmin.post("tenants/nord/api-keys", "{\"name\":\"CMS\"}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String key = issued.object().getString("key");
    long keyId = issued.object().getJsonNumber("id").longValue();
    assertThat(key).matches("rbk_nord_" + keyId + "_[A-Za-z0-9_-]{43}");
    assertThat(nordAdmin.get("tenants/nord/api-keys").body())
        .contains("\"name\":\"CMS\"")
        .doesNotContain(key.substring(key.lastIndexOf('_') + 1));
    assertThat(
            Sql.column(
                PostgresDatabase.get().superuser(),
                "SELECT secret_hash FROM api_key WHERE id = ?",
                keyId))
        .singleElement()
        .asString()
        .hasSize(64)
        .doesNotContain(key.substring(key.lastIndexOf('_') + 1));

    Api cms = Api.withKey(base, key);
    long list = createList(Api.as(base, "nord-editor"));
    Response draft =
        cms.post(
            "tenants/nord/mailings", mailingJson(list, "Aus dem CMS", "<p>Artikel</p>", SENDER));
    assertThat(draft.status()).as(draft.body()).isEqualTo(201);
    long mailing = draft.object().getJsonNumber("id").longValue();
    assertThat(
            cms.put(
                    "tenants/nord/mailings/" + mailing,
                    mailingJson(list, "Aus dem CMS, neu", "<p>Artikel</p>", SENDER))
                .object()
                .getString("subject"))
        .isEqualTo("Aus dem CMS, neu");
    Response scheduled =
        cms.post(
            "tenants/nord/mailings/" + mailing + "/schedule",
            "{\"at\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}");
    assertThat(scheduled.object().getString("status")).isEqualTo("scheduled");
    assertThat(
            cms.put("tenants/nord/mailings/" + mailing, mailingJson(list, "x", "<p>x</p>", SENDER))
                .status())
        .as("a mailing on its way cannot be changed by the CMS")
        .isEqualTo(409);

    assertThat(cms.get("tenants").body()).contains("\"nord\"").doesNotContain("\"sued\"");
    assertThat(cms.get("tenants/sued/mailings").status()).isEqualTo(404);
    assertThat(
            cms.post("tenants/sued/mailings", mailingJson(list, "x", "<p>x</p>", "a@sued.example"))
                .status())
        .isEqualTo(404);
    assertThat(cms.get("tenants/nord/api-keys").status())
        .as("a key is an editor, not an administrator")
        .isEqualTo(403);
    assertThat(cms.get("tenants/sued/cms/sources").status()).isEqualTo(404);
    assertThat(nordAdmin.get("tenants/sued/api-keys").status()).isEqualTo(404);
    assertThat(nordAdmin.post("tenants/sued/api-keys", "{\"name\":\"x\"}").status()).isEqualTo(404);
    String tampered = key.substring(0, key.length() - 2) + (key.endsWith("AA") ? "BB" : "AA");
    assertThat(Api.withKey(base, tampered).get("tenants/nord/mailings").status()).isEqualTo(401);
    assertThat(
            Api.withKey(base, key.replace("rbk_nord_", "rbk_sued_"))
                .get("tenants/sued/mailings")
                .status())
        .isEqualTo(401);
    assertThat(Api.withKey(base, "rbk_nord_1_short").get("tenants/nord/mailings").status())
        .isEqualTo(401);

    assertThat(nordAdmin.delete("tenants/nord/api-keys/" + keyId).status()).isEqualTo(204);
    assertThat(cms.get("tenants/nord/mailings").status()).as("revoked").isEqualTo(401);
    assertThat(Api.as(base, "sued-admin").delete("tenants/sued/api-keys/" + keyId).status())
        .isEqualTo(404);
  }

  private static JsonObject waitUntil(Api api, long mailing, String status) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonObject progress = null;
    while (System.nanoTime() < deadline) {
      progress = api.get("tenants/nord/mailings/" + mailing + "/progress").object();
      if (progress.getString("status").equals(status)) {
        return progress;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Mailing " + mailing + " not " + status + " in time: " + progress);
  }

  private long createList(Api api) {
    Response created =
        api.post(
            "tenants/nord/lists",
            "{\"name\":\"Mailing "
                + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"visibility\":\"INTERNAL\",\"optInMode\":\"DOUBLE\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.object().getJsonNumber("id").longValue();
  }

  private static long createSubscriber(Api api, String email, String firstName) {
    Response created =
        api.post(
            "tenants/nord/subscribers",
            "{\"email\":\"" + email + "\",\"firstName\":\"" + firstName + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.object().getJsonNumber("id").longValue();
  }

  private static void subscribe(Api api, long list, String email, String firstName) {
    long id = createSubscriber(api, email, firstName);
    Response added =
        api.post(
            "tenants/nord/lists/" + list + "/members",
            "{\"subscriberId\":" + id + ",\"legalBasis\":\"Signed form\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
  }

  private static long createMailing(Api api, long list, String subject, String html) {
    Response created = api.post("tenants/nord/mailings", mailingJson(list, subject, html, SENDER));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.object().getJsonNumber("id").longValue();
  }

  private static String mailingJson(long list, String subject, String html, String sender) {
    JsonArrayBuilder lists = Json.createArrayBuilder().add(list);
    return Json.createObjectBuilder()
        .add("name", "Mailing " + subject)
        .add("subject", subject)
        .add("senderName", "Redaktion Nord")
        .add("senderAddress", sender)
        .add("language", "de")
        .add("htmlBody", html)
        .add("listIds", lists)
        .build()
        .toString();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
  }
}
