package de.rundbrief.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import de.rundbrief.web.it.Api.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Consent end to end on Payara Micro, PostgreSQL and an SMTP server on loopback: the public forms
 * and links without signing in, double opt-in by mail, one-click unsubscribe, staff putting people
 * on lists, erasure, and every attempt to reach another tenant's lists through them.
 */
@ExtendWith(RundbriefServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentIT {

  private static final long FILL_TIME_MILLIS = 3_200;

  @Deployment(testable = false)
  static WebArchive rundbrief() {
    return RundbriefServer.war();
  }

  @ArquillianResource private URL base;

  @Test
  void aWebsiteFormSubscribesByDoubleOptInWithTheConsentTextItShowed() throws Exception {
    long list = createList("nord", "DOUBLE", "PUBLIC", "Ich willige ein (Fassung A).");
    Api visitor = Api.anonymous(base);
    JsonObject form = visitor.get("public/tenants/nord/lists/" + list).object();
    assertThat(form.getString("tenantName")).isEqualTo("Tochter Nord GmbH");
    assertThat(form.getString("consentText")).isEqualTo("Ich willige ein (Fassung A).");
    assertThat(form.getInt("consentTextVersion")).isEqualTo(1);
    String token = form.getString("formToken");
    String email = unique("web");

    Response tooFast = visitor.post(subscriptions(list), subscription(email, "Web", 1, token));
    assertThat(tooFast.status()).as(tooFast.body()).isEqualTo(400);
    assertThat(tooFast.object().getString("message")).contains("too quickly");
    Thread.sleep(FILL_TIME_MILLIS);
    assertThat(visitor.post(subscriptions(list), subscription(email, "Web", 0, token)).status())
        .as("an older consent text than the list has")
        .isEqualTo(409);
    Response noToken = visitor.post(subscriptions(list), subscription(email, "Web", 1, ""));
    assertThat(noToken.status()).isEqualTo(400);
    assertThat(noToken.object().getJsonObject("fields").getString("formToken")).isNotBlank();
    long otherList = createList("nord", "DOUBLE", "PUBLIC", "Ich willige ein.");
    assertThat(
            visitor.post(subscriptions(otherList), subscription(email, "Web", 0, token)).status())
        .as("a form token of another list")
        .isEqualTo(400);
    assertThat(subscriberCount("nord", email)).isZero();

    Response accepted = visitor.post(subscriptions(list), subscription(email, "Web", 1, token));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.header("Access-Control-Allow-Origin")).isEqualTo("*");

    MimeMessage mail = Mailbox.waitForMessageTo(email);
    assertThat(mail.getSubject()).startsWith("Please confirm: ");
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(RundbriefServer.MAIL_FROM);
    assertThat(from.getPersonal()).isEqualTo("Tochter Nord GmbH");
    assertThat(Mailbox.confirmationLink(mail)).startsWith(RundbriefServer.publicUrl() + "/");
    assertThat(memberStatus("nord", list, email)).isEqualTo("PENDING");
    assertThat(
            Api.as(base, "nord-editor")
                .get("tenants/nord/lists/" + list)
                .object()
                .getInt("subscribed"))
        .as("only a confirmed subscription counts")
        .isZero();

    assertThat(visitor.post(subscriptions(list), subscription(email, "Web", 1, token)).status())
        .as("asking again looks the same")
        .isEqualTo(202);
    Thread.sleep(1_000);
    assertThat(Mailbox.messagesTo(email)).as("no second mail within ten minutes").hasSize(1);

    JsonObject event = consentEvents("nord-editor", "nord", email).get(0);
    assertThat(event.getString("type")).isEqualTo("REQUESTED");
    assertThat(event.getString("source")).isEqualTo("WEBSITE_FORM");
    assertThat(event.getString("ipAddress")).isEqualTo("127.0.0.1");
    assertThat(event.getInt("consentTextVersion")).isEqualTo(1);
    assertThat(event.getString("consentText")).isEqualTo("Ich willige ein (Fassung A).");
  }

  @Test
  void thePublicReachesOnlyPublicListsOfActiveTenants() throws Exception {
    long publicList = createList("nord", "DOUBLE", "PUBLIC", "Ich willige ein.");
    long internalList = createList("nord", "SINGLE", "INTERNAL", null);
    long suedList = createList("sued", "DOUBLE", "PUBLIC", "Ich willige ein.");
    Api visitor = Api.anonymous(base);
    assertThat(visitor.get("public/tenants/nord/lists/" + publicList).status()).isEqualTo(200);
    for (String path :
        List.of(
            "public/tenants/nord/lists/" + internalList,
            "public/tenants/nord/lists/" + suedList,
            "public/tenants/sued/lists/" + publicList,
            "public/tenants/atlantis/lists/" + publicList,
            "public/tenants/NORD!/lists/" + publicList,
            "public/tenants/nord/lists/999999999")) {
      Response response = visitor.get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.object().getString("message")).as(path).isEqualTo("Not found");
    }
    String sealedForSued =
        visitor.get("public/tenants/sued/lists/" + suedList).object().getString("formToken");
    Thread.sleep(FILL_TIME_MILLIS);
    assertThat(
            visitor
                .post(
                    subscriptions(publicList),
                    subscription(unique("cross"), null, 0, sealedForSued))
                .status())
        .as("a form token of another tenant's list")
        .isEqualTo(400);

    Sql.update(
        PostgresDatabase.get().owner(),
        "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
            + " VALUES ('dormant', 'Ruhende GmbH', 'ACTIVE', now(), 1) ON CONFLICT DO NOTHING");
    long dormantList = createListAs("admin", "dormant", "DOUBLE", "PUBLIC", "Ich willige ein.");
    assertThat(visitor.get("public/tenants/dormant/lists/" + dormantList).status()).isEqualTo(200);
    Sql.update(
        PostgresDatabase.get().owner(),
        "UPDATE tenant SET status = 'DEACTIVATED' WHERE tenant_key = 'dormant'");
    try {
      assertThat(visitor.get("public/tenants/dormant/lists/" + dormantList).status())
          .isEqualTo(404);
    } finally {
      Sql.update(
          PostgresDatabase.get().owner(),
          "UPDATE tenant SET status = 'ACTIVE' WHERE tenant_key = 'dormant'");
    }
  }

  @Test
  void botsAndBadInputGetNothingIn() throws Exception {
    long list = createList("nord", "DOUBLE", "PUBLIC", "Ich willige ein.");
    Api visitor = Api.anonymous(base);
    String token = visitor.get("public/tenants/nord/lists/" + list).object().getString("formToken");
    Thread.sleep(FILL_TIME_MILLIS);

    String bot = unique("bot");
    String honeypot =
        "{\"email\":\""
            + bot
            + "\",\"consentTextVersion\":0,\"formToken\":\""
            + token
            + "\",\"website\":\"http://spam.example\"}";
    assertThat(visitor.post(subscriptions(list), honeypot).status())
        .as("a bot is told what people are told")
        .isEqualTo(202);
    String injected = unique("inject");
    Response header =
        visitor.post(
            subscriptions(list),
            "{\"email\":\""
                + injected
                + "\",\"firstName\":\"Anna\\r\\nBcc: victim@elsewhere.example\","
                + "\"consentTextVersion\":0,\"formToken\":\""
                + token
                + "\"}");
    assertThat(header.status()).isEqualTo(400);
    assertThat(header.object().getJsonObject("fields").getString("firstName"))
        .contains("control characters");
    Response malformed = visitor.post(subscriptions(list), "{\"email\": ");
    assertThat(malformed.status()).isEqualTo(400);
    for (String empty : List.of(subscriptions(list), subscriptions(list).replace("nord", "sued"))) {
      Response noBody = visitor.post(empty, "");
      assertThat(noBody.status()).as(empty).isEqualTo(400);
      assertThat(noBody.object().getString("message"))
          .as(empty)
          .isEqualTo("The request needs a JSON body");
    }
    Response badAddress =
        visitor.post(subscriptions(list), subscription("not-an-address", null, 0, token));
    assertThat(badAddress.status()).isEqualTo(400);
    assertThat(badAddress.object().getJsonObject("fields").getString("email")).isNotBlank();
    Thread.sleep(1_000);
    assertThat(subscriberCount("nord", bot)).isZero();
    assertThat(subscriberCount("nord", injected)).isZero();
    assertThat(Mailbox.messagesTo(bot)).isEmpty();

    // another loopback address than the other tests use: its own allowance
    String path = "/api/v1/public/tenants/nord/lists/" + list;
    int lastStatus = 0;
    String retryAfter = null;
    for (int i = 0; i <= RundbriefServer.PUBLIC_REQUESTS_PER_MINUTE; i++) {
      RawResponse response = getFrom("127.0.0.2", path);
      lastStatus = response.status();
      retryAfter = response.header("Retry-After");
    }
    assertThat(lastStatus).isEqualTo(429);
    assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
    assertThat(getFrom("127.0.0.3", path).status())
        .as("other addresses are not held up")
        .isEqualTo(200);
  }

  @Test
  void staffSubscribeOnALegalBasisOrByConfirmationMailAndEraseOnRequest() throws Exception {
    Api editor = Api.as(base, "nord-editor");
    long list = createList("nord", "DOUBLE", "INTERNAL", null);
    long signed = createSubscriber(editor, "nord", unique("signed"));
    long asked = createSubscriber(editor, "nord", unique("asked"));
    String askedEmail = editor.get("tenants/nord/subscribers/" + asked).object().getString("email");

    Response onBasis =
        editor.post(
            "tenants/nord/lists/" + list + "/members",
            "{\"subscriberId\":" + signed + ",\"legalBasis\":\"Signed form of 2026-11-01\"}");
    assertThat(onBasis.status()).as(onBasis.body()).isEqualTo(200);
    assertThat(onBasis.object().getString("status")).isEqualTo("SUBSCRIBED");
    Response byMail =
        editor.post("tenants/nord/lists/" + list + "/members", "{\"subscriberId\":" + asked + "}");
    assertThat(byMail.object().getString("status")).isEqualTo("PENDING");
    assertThat(Mailbox.waitForMessageTo(askedEmail).getSubject()).startsWith("Please confirm");

    JsonObject export = editor.get("tenants/nord/subscribers/" + signed + "/export").object();
    assertThat(export.getString("tenant")).isEqualTo("nord");
    assertThat(export.getJsonArray("subscriptions").getJsonObject(0).getString("status"))
        .isEqualTo("SUBSCRIBED");
    JsonObject basis = export.getJsonArray("consentEvents").getJsonObject(0);
    assertThat(basis.getString("type")).isEqualTo("SUBSCRIBED");
    assertThat(basis.getString("source")).isEqualTo("STAFF");
    assertThat(basis.getString("detail")).isEqualTo("Signed form of 2026-11-01");

    Api sued = Api.as(base, "sued-editor");
    assertThat(sued.get("tenants/nord/lists/" + list + "/members").status()).isEqualTo(404);
    assertThat(
            sued.post(
                    "tenants/nord/lists/" + list + "/members", "{\"subscriberId\":" + signed + "}")
                .status())
        .isEqualTo(404);
    long suedList = createList("sued", "SINGLE", "INTERNAL", null);
    assertThat(
            sued.post(
                    "tenants/sued/lists/" + suedList + "/members",
                    "{\"subscriberId\":" + signed + "}")
                .status())
        .as("a nord subscriber id in a sued list")
        .isEqualTo(404);
    assertThat(sued.get("tenants/sued/lists/" + list + "/members").status()).isEqualTo(404);
    assertThat(sued.get("tenants/nord/subscribers/" + signed + "/export").status()).isEqualTo(404);
    assertThat(sued.get("tenants/sued/subscribers/" + signed + "/export").status()).isEqualTo(404);
    assertThat(
            Api.as(base, "sued-admin")
                .post("tenants/sued/subscribers/" + signed + "/erase", "")
                .status())
        .isEqualTo(404);
    assertThat(
            Api.as(base, "sued-admin")
                .post("tenants/nord/subscribers/" + signed + "/erase", "")
                .status())
        .isEqualTo(404);
    assertThat(
            Api.as(base, "nord-viewer")
                .post(
                    "tenants/nord/lists/" + list + "/members", "{\"subscriberId\":" + signed + "}")
                .status())
        .isEqualTo(403);

    JsonObject members =
        editor.get("tenants/nord/lists/" + list + "/members?status=SUBSCRIBED").object();
    assertThat(members.getInt("total")).isEqualTo(1);
    assertThat(
            members.getJsonArray("items").getJsonObject(0).getJsonObject("subscriber").getInt("id"))
        .isEqualTo((int) signed);
    assertThat(editor.delete("tenants/nord/lists/" + list + "/members/" + asked).status())
        .isEqualTo(204);
    assertThat(editor.delete("tenants/nord/lists/" + list + "/members/" + asked).status())
        .isEqualTo(204);
    assertThat(
            editor
                .get("tenants/nord/subscribers/" + asked + "/export")
                .object()
                .getJsonArray("consentEvents")
                .stream()
                .map(e -> e.asJsonObject().getString("type"))
                .toList())
        .containsExactly("REQUESTED", "UNSUBSCRIBED");

    String signedEmail =
        editor.get("tenants/nord/subscribers/" + signed).object().getString("email");
    assertThat(editor.post("tenants/nord/subscribers/" + signed + "/erase", "").status())
        .as("erasure is for administrators")
        .isEqualTo(403);
    assertThat(
            Api.as(base, "nord-admin")
                .post("tenants/nord/subscribers/" + signed + "/erase", "")
                .status())
        .isEqualTo(204);
    assertThat(editor.get("tenants/nord/subscribers/" + signed).status()).isEqualTo(404);
    try (Connection c = PostgresDatabase.get().owner().getConnection()) {
      assertThat(
              Sql.strings(c, "SELECT count(*) FROM consent_event WHERE subscriber_id = " + signed))
          .containsExactly("0");
      assertThat(
              Sql.strings(
                  c,
                  "SELECT actor || ' ' || tenant_key || ' ' || detail FROM audit_entry"
                      + " WHERE action = 'subscriber.erase' AND detail = '"
                      + signed
                      + "'"))
          .containsExactly("nord-admin nord " + signed);
      assertThat(
              Sql.strings(
                  c, "SELECT count(*) FROM audit_entry WHERE detail LIKE '%" + signedEmail + "%'"))
          .as("the audit log keeps no address")
          .containsExactly("0");
    }
    long again = createSubscriber(editor, "nord", signedEmail);
    Response refused =
        editor.post(
            "tenants/nord/lists/" + list + "/members",
            "{\"subscriberId\":" + again + ",\"legalBasis\":\"New form\"}");
    assertThat(refused.status())
        .as("the suppression list keeps an erased address off lists")
        .isEqualTo(409);

    long onList = createSubscriber(editor, "nord", unique("moved"));
    Response added =
        editor.post(
            "tenants/nord/lists/" + list + "/members",
            "{\"subscriberId\":" + onList + ",\"legalBasis\":\"Contract\"}");
    assertThat(added.status()).as(added.body()).isBetween(200, 201);
    Response moved =
        editor.put(
            "tenants/nord/subscribers/" + onList,
            "{\"email\":\"" + signedEmail + "\",\"firstName\":\"Moved\"}");
    assertThat(moved.status())
        .as("nor can a subscriber on a list take on the erased address")
        .isEqualTo(409);
    assertThat(editor.get("tenants/nord/subscribers/" + onList).object().getString("email"))
        .isNotEqualTo(signedEmail);
    assertThat(
            editor
                .put(
                    "tenants/nord/subscribers/" + again,
                    "{\"email\":\"" + unique("renamed") + "\"}")
                .status())
        .as("a subscriber on no list may leave it for another address")
        .isEqualTo(200);
  }

  @Test
  void aVisitorSubscribesConfirmsManagesAndLeavesWithoutSigningIn() throws Exception {
    long list = createList("nord", "DOUBLE", "PUBLIC", "Ja, ich möchte die Neuigkeiten erhalten.");
    String listName =
        Api.as(base, "nord-editor").get("tenants/nord/lists/" + list).object().getString("name");
    String email = unique("visitor");
    try (Browser browser = Browser.openInGerman(base)) {
      browser.go("subscribe.xhtml?tenant=nord&list=" + list);
      assertThat(browser.text("tenantName")).isEqualTo("Tochter Nord GmbH");
      assertThat(browser.text("subscribe:consentText"))
          .isEqualTo("Ja, ich möchte die Neuigkeiten erhalten.");
      browser.type("subscribe:email", email).type("subscribe:firstName", "Vera");
      browser.click("subscribe:send");
      browser.until(driver -> !browser.text("subscribe:agreedMessage").isEmpty());
      assertThat(browser.text("subscribe:agreedMessage")).contains("Häkchen");
      Thread.sleep(FILL_TIME_MILLIS);
      browser.click(By.cssSelector("#subscribe\\:agreed .ui-chkbox-box"));
      browser.click("subscribe:send");
      assertThat(browser.text("subscribe:done")).contains("Postfach");
      browser.screenshot("public-subscribe-done");

      MimeMessage mail = Mailbox.waitForMessageTo(email);
      assertThat(mail.getSubject()).isEqualTo("Bitte bestätigen: " + listName);
      String link = Mailbox.confirmationLink(mail);
      browser.driver().get(link.replace(RundbriefServer.publicUrl() + "/", browserBase()));
      assertThat(browser.text("link:question")).contains("v…@test.example").contains(listName);
      assertThat(memberStatus("nord", list, email))
          .as("opening the link changes nothing")
          .isEqualTo("PENDING");
      browser.click("link:act");
      assertThat(browser.text("done")).contains("bestätigt");
      assertThat(memberStatus("nord", list, email)).isEqualTo("SUBSCRIBED");

      browser.driver().navigate().refresh();
      assertThat(browser.text("already")).as("a second click is harmless").contains(listName);
      assertThat(consentTypes(email)).containsExactly("REQUESTED", "CONFIRMED");

      browser.click("link:preferences");
      assertThat(browser.path()).endsWith("/preferences.xhtml");
      String manageToken =
          URI.create(browser.driver().getCurrentUrl()).getQuery().replaceFirst("^token=", "");
      assertThat(browser.byId("preferences:kept").getText()).contains(listName);

      Api visitor = Api.anonymous(base);
      Response scanner = visitor.get("public/unsubscribe/" + manageToken);
      assertThat(scanner.status()).isEqualTo(303);
      assertThat(scanner.location()).contains("/unsubscribe.xhtml?token=" + manageToken);
      assertThat(
              visitor
                  .postForm("public/unsubscribe/" + manageToken, "List-Unsubscribe=Yes")
                  .status())
          .isEqualTo(400);
      assertThat(memberStatus("nord", list, email))
          .as("GET and wrong POSTs change nothing")
          .isEqualTo("SUBSCRIBED");
      Response oneClick =
          visitor.postForm("public/unsubscribe/" + manageToken, "List-Unsubscribe=One-Click");
      assertThat(oneClick.status()).as(oneClick.body()).isEqualTo(200);
      assertThat(memberStatus("nord", list, email)).isEqualTo("UNSUBSCRIBED");
      assertThat(consentTypes(email)).containsExactly("REQUESTED", "CONFIRMED", "UNSUBSCRIBED");
      assertThat(
              visitor
                  .postForm("public/unsubscribe/" + manageToken + "x", "List-Unsubscribe=One-Click")
                  .status())
          .isEqualTo(400);

      browser.go("unsubscribe.xhtml?token=" + manageToken);
      assertThat(browser.text("already")).contains(listName);
      browser.go("confirm.xhtml?token=" + manageToken);
      assertThat(browser.text("invalid"))
          .as("an unsubscribe token confirms nothing")
          .contains("ungültig");
      String confirmToken = link.substring(link.indexOf("token=") + 6);
      String forged =
          confirmToken.substring(0, 20)
              + (confirmToken.charAt(20) == 'A' ? 'B' : 'A')
              + confirmToken.substring(21);
      browser.go("confirm.xhtml?token=" + forged);
      assertThat(browser.text("invalid")).contains("ungültig");
      browser.go("subscribe.xhtml?tenant=sued&list=" + list);
      assertThat(browser.driver().getPageSource()).doesNotContain(listName);
    }
  }

  @Test
  void thePreferencePageKeepsTheTickedListsAndLeavesTheOthersWithConsentRecords() throws Exception {
    Api editor = Api.as(base, "nord-editor");
    long kept = createList("nord", "DOUBLE", "PUBLIC", "Ich willige ein.");
    long left = createList("nord", "DOUBLE", "INTERNAL", null);
    String keptName = editor.get("tenants/nord/lists/" + kept).object().getString("name");
    String leftName = editor.get("tenants/nord/lists/" + left).object().getString("name");
    String email = unique("prefs");
    long subscriber = createSubscriber(editor, "nord", email);
    addMember(editor, "nord", kept, subscriber, "Signed form");
    addMember(editor, "nord", left, subscriber, null);
    Api suedEditor = Api.as(base, "sued-editor");
    long suedList = createList("sued", "SINGLE", "INTERNAL", null);
    addMember(
        suedEditor, "sued", suedList, createSubscriber(suedEditor, "sued", email), "Contract");

    try (Browser browser = Browser.open(base)) {
      String link = Mailbox.confirmationLink(Mailbox.waitForMessageTo(email));
      browser.driver().get(link.replace(RundbriefServer.publicUrl() + "/", browserBase()));
      browser.click("link:act");
      assertThat(browser.text("done")).contains(leftName);
      assertThat(memberStatus("nord", left, email)).isEqualTo("SUBSCRIBED");
      browser.click("link:preferences");
      assertThat(browser.text("preferences:kept")).contains(keptName).contains(leftName);
      assertThat(browser.all(By.cssSelector("#preferences\\:kept input:checked"))).hasSize(2);

      browser.click(
          By.xpath("//*[@id='preferences:kept']//label[normalize-space()='" + leftName + "']"));
      browser.click("preferences:save");
      assertThat(browser.text("preferences:saved")).contains("saved");
      browser.screenshot("public-preferences-saved");
      assertThat(browser.text("preferences:kept")).contains(keptName).doesNotContain(leftName);
    }

    assertThat(memberStatus("nord", kept, email)).isEqualTo("SUBSCRIBED");
    assertThat(memberStatus("nord", left, email)).isEqualTo("UNSUBSCRIBED");
    List<JsonObject> events = consentEvents("nord-editor", "nord", email);
    JsonObject last = events.get(events.size() - 1);
    assertThat(last.getString("type")).isEqualTo("UNSUBSCRIBED");
    assertThat(last.getString("source")).isEqualTo("PREFERENCES");
    assertThat(last.getJsonNumber("listId").longValue()).isEqualTo(left);
    assertThat(last.getString("ipAddress")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(events.stream().filter(e -> e.getString("type").equals("UNSUBSCRIBED")))
        .as("only the list left has an opt-out")
        .hasSize(1);
    assertThat(memberStatus("sued", suedList, email))
        .as("the same address in another tenant is another subscriber")
        .isEqualTo("SUBSCRIBED");
    assertThat(consentEvents("sued-editor", "sued", email))
        .extracting(e -> e.getString("type"))
        .containsExactly("SUBSCRIBED");
  }

  @Test
  void oneClickUnsubscribeTakesUrlencodedAndMultipartFormsAndAnswersAnythingElseWith4xx()
      throws Exception {
    long list = createList("nord", "DOUBLE", "INTERNAL", null);
    long suedList = createList("sued", "DOUBLE", "INTERNAL", null);
    String email = unique("oneclick");
    String token = confirmedUnsubscribeToken("nord", list, email);
    String suedToken = confirmedUnsubscribeToken("sued", suedList, email);
    String path = "api/v1/public/unsubscribe/" + token;
    String form = "application/x-www-form-urlencoded";
    String multipart = "multipart/form-data; boundary=rb-7MA4YWxk";
    String oneClickPart =
        "--rb-7MA4YWxk\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
            + "One-Click\r\n--rb-7MA4YWxk--\r\n";

    record Refused(String why, String contentType, String body, int status) {}
    for (Refused refused :
        List.of(
            new Refused("no content type, no body", null, null, 400),
            new Refused("a form without a body", form, "", 400),
            new Refused("a multipart form without a body", multipart, "", 400),
            new Refused("no content type", null, "List-Unsubscribe=One-Click", 415),
            new Refused("plain text", "text/plain", "List-Unsubscribe=One-Click", 415),
            new Refused("JSON", "application/json", "{\"List-Unsubscribe\":\"One-Click\"}", 415),
            new Refused("a wrong value", form, "List-Unsubscribe=Yes", 400),
            new Refused("another field", form, "Unsubscribe=One-Click", 400),
            new Refused("bad percent-encoding", form, "List-Unsubscribe=%E", 400),
            new Refused("multipart without boundary", "multipart/form-data", oneClickPart, 400),
            new Refused(
                "a wrong value in multipart",
                multipart,
                oneClickPart.replace("One-Click", "No"),
                400),
            new Refused("a body too large", form, "List-Unsubscribe=" + "x".repeat(20_000), 413))) {
      Response answer = raw("POST", path, refused.contentType(), refused.body());
      assertThat(answer.status())
          .as(refused.why() + ": " + answer.body())
          .isEqualTo(refused.status());
      assertThat(answer.header("Content-Type")).as(refused.why()).startsWith("application/json");
      assertThat(answer.object().getInt("status")).as(refused.why()).isEqualTo(refused.status());
      assertThat(answer.object().getString("message")).as(refused.why()).isNotBlank();
    }
    assertThat(memberStatus("nord", list, email)).isEqualTo("SUBSCRIBED");

    Response suedOneClick =
        raw("POST", "api/v1/public/unsubscribe/" + suedToken, multipart, oneClickPart);
    assertThat(suedOneClick.status()).as(suedOneClick.body()).isEqualTo(200);
    assertThat(memberStatus("sued", suedList, email)).isEqualTo("UNSUBSCRIBED");
    assertThat(memberStatus("nord", list, email))
        .as("another tenant's token leaves only its own tenant's list")
        .isEqualTo("SUBSCRIBED");

    Response byMultipart = raw("POST", path, multipart, oneClickPart);
    assertThat(byMultipart.status()).as(byMultipart.body()).isEqualTo(200);
    assertThat(byMultipart.object().getString("status")).isEqualTo("unsubscribed");
    assertThat(memberStatus("nord", list, email)).isEqualTo("UNSUBSCRIBED");
    for (String[] again :
        List.of(
            new String[] {form, "List-Unsubscribe=One-Click"},
            new String[] {form + "; charset=UTF-8", "List-Unsubscribe=One-Click"},
            new String[] {"multipart/form-data; boundary=\"rb-7MA4YWxk\"", oneClickPart})) {
      Response answer = raw("POST", path, again[0], again[1]);
      assertThat(answer.status()).as(again[0] + ": " + answer.body()).isEqualTo(200);
    }
    assertThat(consentEvents("nord-editor", "nord", email))
        .extracting(e -> e.getString("type") + " " + e.getString("source"))
        .as("a second one-click changes nothing")
        .containsExactly(
            "REQUESTED STAFF", "CONFIRMED CONFIRMATION_LINK", "UNSUBSCRIBED ONE_CLICK");
  }

  @Test
  void theSubscriptionPageAnswers404ForAListParameterThatIsNoIdOrAnotherTenantsList() {
    long list = createList("nord", "DOUBLE", "PUBLIC", "Ich willige ein.");
    assertThat(raw("GET", "subscribe.xhtml?tenant=nord&list=" + list, null, null).status())
        .isEqualTo(200);
    for (String query :
        List.of(
            "tenant=nord&list=abc",
            "tenant=nord&list=",
            "tenant=nord",
            "tenant=nord&list=99999999999999999999",
            "tenant=nord&list=-" + list,
            "tenant=nord&list=%2B" + list,
            "tenant=nord&list=" + list + ".0",
            "tenant=nord&list=999999999",
            "tenant=sued&list=" + list,
            "tenant=sued&list=abc",
            "tenant=NORD!&list=" + list)) {
      Response page = raw("GET", "subscribe.xhtml?" + query, null, null);
      assertThat(page.status()).as(query).isEqualTo(404);
      assertThat(page.body()).as(query).doesNotContain("subscribe:send");
    }
  }

  @Test
  void aPublicListNeedsAConsentTextAndOneWithoutTakesNoSubscriptions() throws Exception {
    Api editor = Api.as(base, "nord-editor");
    String name = "Ohne Text " + UUID.randomUUID().toString().substring(0, 8);
    for (String text : List.of("", ",\"consentText\":\"  \"")) {
      Response refused =
          editor.post(
              "tenants/nord/lists",
              "{\"name\":\""
                  + name
                  + "\",\"visibility\":\"PUBLIC\",\"optInMode\":\"DOUBLE\""
                  + text
                  + "}");
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.object().getJsonObject("fields").getString("consentText"))
          .isEqualTo("A public list needs a consent text");
    }
    assertThat(listIdOrNull(editor, name)).as("nothing written").isNull();

    long list = createList("nord", "DOUBLE", "INTERNAL", null);
    String listName = editor.get("tenants/nord/lists/" + list).object().getString("name");
    String toPublic =
        "{\"name\":\"" + listName + "\",\"visibility\":\"PUBLIC\",\"optInMode\":\"DOUBLE\"";
    Response refusedChange = editor.put("tenants/nord/lists/" + list, toPublic + "}");
    assertThat(refusedChange.status()).as(refusedChange.body()).isEqualTo(400);
    assertThat(refusedChange.object().getJsonObject("fields").getString("consentText"))
        .isEqualTo("A public list needs a consent text");
    JsonObject unchanged = editor.get("tenants/nord/lists/" + list).object();
    assertThat(unchanged.getString("visibility")).isEqualTo("INTERNAL");
    assertThat(unchanged.getInt("consentTextVersion")).isZero();
    Api suedEditor = Api.as(base, "sued-editor");
    String withText = toPublic + ",\"consentText\":\"Ich willige ein.\"}";
    assertThat(suedEditor.put("tenants/sued/lists/" + list, withText).status()).isEqualTo(404);
    assertThat(suedEditor.put("tenants/nord/lists/" + list, withText).status()).isEqualTo(404);
    Response changed = editor.put("tenants/nord/lists/" + list, withText);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.object().getString("visibility")).isEqualTo("PUBLIC");
    assertThat(changed.object().getInt("consentTextVersion")).isEqualTo(1);
    Response textRemoved = editor.put("tenants/nord/lists/" + list, toPublic + "}");
    assertThat(textRemoved.status()).as(textRemoved.body()).isEqualTo(400);
    assertThat(editor.get("tenants/nord/lists/" + list).object().getString("consentText"))
        .isEqualTo("Ich willige ein.");

    // a public list from before a consent text was required, written as it was stored then
    DataSource superuser = PostgresDatabase.get().superuser();
    long textless =
        Long.parseLong(Sql.column(superuser, "SELECT nextval('mailing_list_seq')").get(0));
    Sql.update(
        superuser,
        "INSERT INTO mailing_list (id, tenant_id, name, visibility, opt_in_mode, created_at,"
            + " version, consent_text_version) VALUES (?, 'nord', ?, 'PUBLIC', 'DOUBLE', now(), 1,"
            + " 0)",
        textless,
        "Ohne Text " + UUID.randomUUID().toString().substring(0, 8));
    Api visitor = Api.anonymous(base);
    String formToken =
        visitor.get("public/tenants/nord/lists/" + list).object().getString("formToken");
    Thread.sleep(FILL_TIME_MILLIS);
    String email = unique("textless");
    for (String tenant : List.of("nord", "sued")) {
      String form = "public/tenants/" + tenant + "/lists/" + textless;
      assertThat(visitor.get(form).status()).as(form).isEqualTo(404);
      Response subscribed =
          visitor.post(form + "/subscriptions", subscription(email, null, 1, formToken));
      assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(404);
      assertThat(
              raw("GET", "subscribe.xhtml?tenant=" + tenant + "&list=" + textless, null, null)
                  .status())
          .isEqualTo(404);
    }
    assertThat(subscriberCount("nord", email)).isZero();
  }

  @Test
  void staffKeepListsAndSeeASubscribersConsentHistory() throws Exception {
    Api editor = Api.as(base, "nord-editor");
    String email = unique("detail");
    Response created =
        editor.post(
            "tenants/nord/subscribers",
            "{\"email\":\""
                + email
                + "\",\"firstName\":\"Max\",\"lastName\":\"<script>alert(1)</script>\"}");
    long id = created.object().getJsonNumber("id").longValue();
    String listName = "Aktionen " + UUID.randomUUID().toString().substring(0, 6);
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      browser.go("lists/list.xhtml");
      assertThat(browser.byId("lists:table").getText())
          .contains("Newsletter")
          .contains("Presseverteiler");
      browser.click("lists:add");
      browser.type("listForm:name", listName);
      browser.click("listForm:save");
      browser.until(
          driver ->
              browser.all(By.cssSelector("#listForm .ui-message-error")).stream()
                  .anyMatch(m -> m.getText().contains("consent text")));
      assertThat(listIdOrNull(editor, listName)).as("a public list without text").isNull();
      browser.type("listForm:consentText", "I agree.");
      browser.click("listForm:save");
      browser.until(driver -> browser.byId("lists:table").getText().contains(listName));
      browser.screenshot("lists-nord-editor");

      browser.go("subscribers/detail.xhtml?tenant=nord&id=" + id);
      assertThat(browser.text("detail:name")).isEqualTo("Max <script>alert(1)</script>");
      long listId = listId(editor, listName);
      browser.script("PF('addList').selectValue('" + listId + "');");
      browser.type("membership:legalBasis", "Contract 4711");
      browser.click("membership:addToList");
      browser.until(driver -> browser.byId("detail:subscriptions").getText().contains(listName));
      assertThat(browser.byId("detail:subscriptions").getText()).contains("Subscribed");
      assertThat(browser.byId("detail:consent").getText())
          .contains("Contract 4711")
          .contains("Staff");
      browser.screenshot("subscriber-detail");

      browser.go("subscribers/detail.xhtml?tenant=sued&id=" + id);
      assertThat(browser.driver().getPageSource()).doesNotContain(email);
      browser.go("lists/list.xhtml?tenant=sued");
      assertThat(browser.driver().getPageSource()).doesNotContain(listName);
    }
    try (Browser browser = Browser.open(base)) {
      browser.signIn("sued-editor", RundbriefServer.PASSWORD);
      browser.go("subscribers/detail.xhtml?tenant=nord&id=" + id);
      assertThat(browser.driver().getPageSource()).doesNotContain(email);
      browser.go("subscribers/detail.xhtml?tenant=sued&id=" + id);
      assertThat(browser.driver().getPageSource()).doesNotContain(email);
    }
  }

  private String browserBase() {
    return Loopback.of(base).toString();
  }

  private long createList(String tenant, String optIn, String visibility, String consentText) {
    return createListAs(tenant + "-editor", tenant, optIn, visibility, consentText);
  }

  private long createListAs(
      String user, String tenant, String optIn, String visibility, String consentText) {
    String name = "List " + UUID.randomUUID().toString().substring(0, 8);
    Response created =
        Api.as(base, user)
            .post(
                "tenants/" + tenant + "/lists",
                "{\"name\":\""
                    + name
                    + "\",\"visibility\":\""
                    + visibility
                    + "\",\"optInMode\":\""
                    + optIn
                    + "\""
                    + (consentText == null ? "" : ",\"consentText\":\"" + consentText + "\"")
                    + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.object().getJsonNumber("id").longValue();
  }

  private static long createSubscriber(Api api, String tenant, String email) {
    Response created =
        api.post("tenants/" + tenant + "/subscribers", "{\"email\":\"" + email + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.object().getJsonNumber("id").longValue();
  }

  private static void addMember(
      Api api, String tenant, long list, long subscriber, String legalBasis) {
    Response added =
        api.post(
            "tenants/" + tenant + "/lists/" + list + "/members",
            "{\"subscriberId\":"
                + subscriber
                + (legalBasis == null ? "" : ",\"legalBasis\":\"" + legalBasis + "\"")
                + "}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
  }

  private static Long listIdOrNull(Api api, String name) {
    return api.get("tenants/nord/lists").json().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(l -> l.getString("name").equals(name))
        .map(l -> l.getJsonNumber("id").longValue())
        .findFirst()
        .orElse(null);
  }

  /**
   * A subscriber of the tenant with this address, put on the list by staff and confirmed through
   * the mail's link in a browser; answers the token of the confirmed page's link to the preference
   * page, which is also the list's unsubscribe token.
   */
  private String confirmedUnsubscribeToken(String tenant, long list, String email)
      throws IOException, InterruptedException {
    Api editor = Api.as(base, tenant + "-editor");
    int mailsBefore = Mailbox.messagesTo(email).size();
    addMember(editor, tenant, list, createSubscriber(editor, tenant, email), null);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (Mailbox.messagesTo(email).size() == mailsBefore && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<MimeMessage> mails = Mailbox.messagesTo(email);
    assertThat(mails).as("the confirmation mail of " + tenant).hasSize(mailsBefore + 1);
    try (Browser browser = Browser.open(base)) {
      String link = Mailbox.confirmationLink(mails.get(mails.size() - 1));
      browser.driver().get(link.replace(RundbriefServer.publicUrl() + "/", browserBase()));
      browser.click("link:act");
      browser.byId("done");
      assertThat(memberStatus(tenant, list, email)).isEqualTo("SUBSCRIBED");
      String href = browser.byId("link:preferences").getAttribute("href");
      return href.substring(href.indexOf("token=") + 6);
    }
  }

  /** Any request to a path under the deployment, with exactly this content type and body. */
  private Response raw(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Loopback.of(base).resolve(path)).header("Accept", "*/*");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Location").orElse(null),
          response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long listId(Api api, String name) {
    return api.get("tenants/nord/lists").json().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(l -> l.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private String memberStatus(String tenant, long list, String email) {
    return Api.as(base, tenant + "-editor")
        .get("tenants/" + tenant + "/lists/" + list + "/members?size=500")
        .object()
        .getJsonArray("items")
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> m.getJsonObject("subscriber").getString("email").equals(email))
        .map(m -> m.getString("status"))
        .findFirst()
        .orElse("none");
  }

  private List<JsonObject> consentEvents(String user, String tenant, String email) {
    Api api = Api.as(base, user);
    long id =
        api.get("tenants/" + tenant + "/subscribers?q=" + email)
            .object()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    return api
        .get("tenants/" + tenant + "/subscribers/" + id + "/export")
        .object()
        .getJsonArray("consentEvents")
        .stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  private List<String> consentTypes(String email) {
    return consentEvents("nord-editor", "nord", email).stream()
        .map(e -> e.getString("type"))
        .toList();
  }

  private int subscriberCount(String tenant, String email) {
    return Api.as(base, "admin")
        .get("tenants/" + tenant + "/subscribers?q=" + email)
        .object()
        .getInt("total");
  }

  private static String subscriptions(long list) {
    return "public/tenants/nord/lists/" + list + "/subscriptions";
  }

  private static String subscription(String email, String firstName, int version, String token) {
    return "{\"email\":\""
        + email
        + "\""
        + (firstName == null ? "" : ",\"firstName\":\"" + firstName + "\"")
        + ",\"consentTextVersion\":"
        + version
        + ",\"formToken\":\""
        + token
        + "\"}";
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
  }

  /** A plain HTTP GET sent from another loopback address, to test the per-address limit. */
  private RawResponse getFrom(String localAddress, String path) throws IOException {
    int port = Loopback.of(base).getPort();
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      return new RawResponse(response.toString(StandardCharsets.ISO_8859_1));
    }
  }

  private record RawResponse(String text) {
    int status() {
      return Integer.parseInt(text.substring(9, 12));
    }

    String header(String name) {
      for (String line : text.split("\r\n")) {
        if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
          return line.substring(name.length() + 1).strip();
        }
      }
      return null;
    }
  }
}
