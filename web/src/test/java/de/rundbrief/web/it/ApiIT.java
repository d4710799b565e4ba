package de.rundbrief.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.segment.SegmentFields;
import de.rundbrief.domain.segment.SegmentOperator;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import de.rundbrief.web.it.Api.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API on Payara Micro against PostgreSQL, as each kind of staff member uses it, and as a
 * tenant A user trying to reach tenant B's records.
 */
@ExtendWith(RundbriefServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

  @Deployment(testable = false)
  static WebArchive rundbrief() {
    return RundbriefServer.war();
  }

  @ArquillianResource private URL base;

  @Test
  void centralStaffSeeEveryTenantAndTenantStaffTheirOwn() {
    assertThat(tenantKeys("admin")).contains("nord", "sued");
    assertThat(tenantKeys("central")).contains("nord", "sued");
    assertThat(tenantKeys("nord-editor")).containsExactly("nord");
    assertThat(tenantKeys("sued-editor")).containsExactly("sued");
    assertThat(tenantKeys("mixed")).containsExactly("nord", "sued");
    JsonObject nord =
        Api.as(base, "nord-viewer").get("tenants").json().asJsonArray().getJsonObject(0);
    assertThat(nord.getString("key")).isEqualTo("nord");
    assertThat(nord.getString("name")).isEqualTo("Tochter Nord GmbH");
    assertThat(nord.getString("status")).isEqualTo("active");
  }

  @Test
  void signInNeedsTheRightPasswordAndARundbriefGroup() {
    Response wrongPassword = Api.as(base, "nord-editor", "wrong").get("tenants");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.object().getInt("status")).isEqualTo(401);
    assertThat(Api.as(base, "outsider").get("tenants").status()).isEqualTo(401);
    assertThat(Api.as(base, "ghost").get("tenants").status()).isEqualTo(401);
    assertThat(Api.as(base, "nobody-at-all").get("tenants").status()).isEqualTo(401);
  }

  @Test
  void aTenantEditorListsItsSubscribersPagedAndFilteredInTheDatabase() {
    JsonObject page =
        Api.as(base, "nord-editor").get("tenants/nord/subscribers?q=ANNA&size=5").object();
    assertThat(page.getInt("size")).isEqualTo(5);
    assertThat(page.getInt("page")).isZero();
    assertThat(page.getInt("total")).isGreaterThanOrEqualTo(30);
    assertThat(page.getJsonArray("items")).hasSize(5);
    assertThat(emails(page))
        .allSatisfy(email -> assertThat(email).startsWith("anna.").endsWith("@nord.example"));

    JsonObject sorted =
        Api.as(base, "nord-editor")
            .get("tenants/nord/subscribers?q=ben.&sort=email&size=3")
            .object();
    List<String> sortedEmails = emails(sorted);
    assertThat(sortedEmails).isSorted();

    JsonObject second =
        Api.as(base, "nord-editor")
            .get("tenants/nord/subscribers?q=ben.&sort=email&size=3&page=1")
            .object();
    assertThat(emails(second)).doesNotContainAnyElementsOf(sortedEmails);
  }

  @Test
  void badPagingAnswers400() {
    Api editor = Api.as(base, "nord-editor");
    assertThat(editor.get("tenants/nord/subscribers?size=0").status()).isEqualTo(400);
    assertThat(editor.get("tenants/nord/subscribers?size=100000").status()).isEqualTo(400);
    assertThat(editor.get("tenants/nord/subscribers?page=-1").status()).isEqualTo(400);
    assertThat(editor.get("tenants/nord/subscribers?sort=tenantId").status()).isEqualTo(400);
    // query parameters that cannot be read at all: the path exists, the request is wrong
    for (String path :
        List.of(
            "tenants/nord/subscribers?status=FOO",
            "tenants/nord/subscribers?page=99999999999",
            "tenants/nord/subscribers?size=x")) {
      Response answer = editor.get(path);
      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.object().getString("message"))
          .as(path)
          .isEqualTo("A query parameter has a value that cannot be read");
    }
    assertThat(editor.get("tenants/nord/subscribers/abc").status())
        .as("a path parameter that cannot be read names no record")
        .isEqualTo(404);
  }

  @Test
  void aTenantEditorCannotReachAnotherTenantByAnyPath() {
    Api nordEditor = Api.as(base, "nord-editor");
    long suedId = firstId("sued-editor", "sued");
    String body = "{\"email\":\"intruder@nord.example\"}";
    for (String tenant : List.of("sued", "atlantis", "NOT-A-KEY", "central")) {
      List<Response> answers =
          List.of(
              nordEditor.get("tenants/" + tenant + "/subscribers"),
              nordEditor.get("tenants/" + tenant + "/subscribers/" + suedId),
              nordEditor.post("tenants/" + tenant + "/subscribers", body),
              nordEditor.put("tenants/" + tenant + "/subscribers/" + suedId, body),
              nordEditor.delete("tenants/" + tenant + "/subscribers/" + suedId));
      assertThat(answers)
          .as("every path under tenant %s", tenant)
          .allSatisfy(
              answer -> {
                assertThat(answer.status()).isEqualTo(404);
                assertThat(answer.object().getString("message")).isEqualTo("Not found");
              });
    }
    assertThat(count("sued", "intruder@nord.example")).isZero();
    assertThat(Api.as(base, "sued-editor").get("tenants/sued/subscribers/" + suedId).status())
        .isEqualTo(200);
  }

  @Test
  void aGuessedIdOfAnotherTenantsSubscriberIsNotFoundInTheOwnTenantAndStaysUnchanged() {
    long suedId = firstId("sued-editor", "sued");
    JsonObject before =
        Api.as(base, "sued-editor").get("tenants/sued/subscribers/" + suedId).object();
    Api nordEditor = Api.as(base, "nord-editor");
    assertThat(nordEditor.get("tenants/nord/subscribers/" + suedId).status()).isEqualTo(404);
    assertThat(
            nordEditor
                .put("tenants/nord/subscribers/" + suedId, "{\"email\":\"taken@over.example\"}")
                .status())
        .isEqualTo(404);
    assertThat(nordEditor.delete("tenants/nord/subscribers/" + suedId).status()).isEqualTo(404);
    JsonObject after =
        Api.as(base, "sued-editor").get("tenants/sued/subscribers/" + suedId).object();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void theWholeLifeOfASubscriber() {
    Api editor = Api.as(base, "nord-editor");
    String email = unique("life");
    Response created =
        editor.post(
            "tenants/nord/subscribers",
            "{\"email\":\"  "
                + email.toUpperCase()
                + " \",\"firstName\":\"Lena\",\"lastName\":\"Lang\"}");
    assertThat(created.status()).isEqualTo(201);
    JsonObject subscriber = created.object();
    long id = subscriber.getJsonNumber("id").longValue();
    assertThat(created.location()).endsWith("/api/v1/tenants/nord/subscribers/" + id);
    assertThat(subscriber.getString("email")).isEqualTo(email);
    assertThat(subscriber.getString("status")).isEqualTo("ACTIVE");
    assertThat(subscriber.getString("createdAt")).isNotBlank();

    Response updated =
        editor.put(
            "tenants/nord/subscribers/" + id,
            "{\"email\":\""
                + email
                + "\",\"firstName\":\"Lena\",\"lastName\":\"Lang-Meier\",\"status\":\"BLOCKED\"}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.object().getString("lastName")).isEqualTo("Lang-Meier");
    assertThat(updated.object().getString("status")).isEqualTo("BLOCKED");
    assertThat(editor.get("tenants/nord/subscribers/" + id).object().getString("lastName"))
        .isEqualTo("Lang-Meier");

    // what a change leaves out stays as it is; an empty name removes it
    JsonObject addressOnly =
        editor.put("tenants/nord/subscribers/" + id, "{\"email\":\"" + email + "\"}").object();
    assertThat(addressOnly.getString("firstName")).isEqualTo("Lena");
    assertThat(addressOnly.getString("lastName")).isEqualTo("Lang-Meier");
    assertThat(addressOnly.getString("status")).isEqualTo("BLOCKED");
    JsonObject noLastName =
        editor
            .put(
                "tenants/nord/subscribers/" + id, "{\"email\":\"" + email + "\",\"lastName\":\"\"}")
            .object();
    assertThat(noLastName.getString("firstName")).isEqualTo("Lena");
    assertThat(!noLastName.containsKey("lastName") || noLastName.isNull("lastName"))
        .as("removed: " + noLastName)
        .isTrue();

    assertThat(editor.delete("tenants/nord/subscribers/" + id).status()).isEqualTo(204);
    assertThat(editor.get("tenants/nord/subscribers/" + id).status()).isEqualTo(404);
  }

  @Test
  void viewersReadButGet403OnEveryWrite() {
    Api viewer = Api.as(base, "nord-viewer");
    long id = firstId("nord-viewer", "nord");
    assertThat(viewer.get("tenants/nord/subscribers/" + id).status()).isEqualTo(200);
    String email = unique("viewer");
    assertThat(viewer.post("tenants/nord/subscribers", "{\"email\":\"" + email + "\"}").status())
        .isEqualTo(403);
    assertThat(
            viewer.put("tenants/nord/subscribers/" + id, "{\"email\":\"" + email + "\"}").status())
        .isEqualTo(403);
    assertThat(viewer.delete("tenants/nord/subscribers/" + id).status()).isEqualTo(403);
    assertThat(count("nord", email)).isZero();
    assertThat(viewer.get("tenants/nord/subscribers/" + id).status()).isEqualTo(200);
  }

  @Test
  void aRoleHoldsOnlyInTheTenantItWasGivenFor() {
    Api mixed = Api.as(base, "mixed");
    assertThat(
            mixed
                .post("tenants/sued/subscribers", "{\"email\":\"" + unique("mixed") + "\"}")
                .status())
        .isEqualTo(201);
    String inNord = unique("mixed-nord");
    assertThat(mixed.post("tenants/nord/subscribers", "{\"email\":\"" + inNord + "\"}").status())
        .isEqualTo(403);
    assertThat(count("nord", inNord)).isZero();
  }

  @Test
  void invalidInputAnswers400NamingTheFieldAndWritesNothing() {
    Api editor = Api.as(base, "nord-editor");
    Response invalidEmail =
        editor.post("tenants/nord/subscribers", "{\"email\":\"no-address\",\"firstName\":\"X\"}");
    assertThat(invalidEmail.status()).isEqualTo(400);
    assertThat(invalidEmail.object().getJsonObject("fields").keySet()).containsExactly("email");
    // the service's own Bean Validation answers, with its message
    assertThat(invalidEmail.object().getJsonObject("fields").getString("email"))
        .isEqualTo("Enter a valid e-mail address");

    Response missingEmail = editor.post("tenants/nord/subscribers", "{\"firstName\":\"X\"}");
    assertThat(missingEmail.status()).isEqualTo(400);
    assertThat(missingEmail.object().getJsonObject("fields").keySet()).containsExactly("email");

    String email = unique("long");
    Response longName =
        editor.post(
            "tenants/nord/subscribers",
            "{\"email\":\"" + email + "\",\"lastName\":\"" + "x".repeat(101) + "\"}");
    assertThat(longName.status()).isEqualTo(400);
    assertThat(longName.object().getJsonObject("fields").keySet()).containsExactly("lastName");
    assertThat(count("nord", email)).isZero();

    Response malformed = editor.post("tenants/nord/subscribers", "{\"email\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.object().getString("message")).startsWith("Malformed JSON");

    Response wrongStatus =
        editor.post(
            "tenants/nord/subscribers", "{\"email\":\"" + email + "\",\"status\":\"HAPPY\"}");
    assertThat(wrongStatus.status()).isEqualTo(400);
    assertThat(wrongStatus.body()).doesNotContain("de.rundbrief");
    assertThat(count("nord", email)).isZero();
  }

  @Test
  void anUpdateWithInvalidInputChangesNothing() {
    Api editor = Api.as(base, "nord-editor");
    long id = firstId("nord-editor", "nord");
    JsonObject before = editor.get("tenants/nord/subscribers/" + id).object();
    Response invalid =
        editor.put(
            "tenants/nord/subscribers/" + id, "{\"email\":\"broken@\",\"lastName\":\"Changed\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(editor.get("tenants/nord/subscribers/" + id).object()).isEqualTo(before);
  }

  @Test
  void anAddressIsUniquePerTenantNotAcrossTenants() {
    String email = unique("twice");
    String body = "{\"email\":\"" + email + "\"}";
    assertThat(Api.as(base, "nord-editor").post("tenants/nord/subscribers", body).status())
        .isEqualTo(201);
    Response duplicate = Api.as(base, "nord-editor").post("tenants/nord/subscribers", body);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.object().getJsonObject("fields").keySet()).containsExactly("email");
    assertThat(Api.as(base, "sued-editor").post("tenants/sued/subscribers", body).status())
        .isEqualTo(201);
    assertThat(count("nord", email)).isEqualTo(1);
    assertThat(count("sued", email)).isEqualTo(1);
  }

  @Test
  void centralMarketingWorksInEveryTenantAndEveryActionIsAudited() throws SQLException {
    Api central = Api.as(base, "central");
    String email = unique("central");
    Response created = central.post("tenants/sued/subscribers", "{\"email\":\"" + email + "\"}");
    assertThat(created.status()).isEqualTo(201);
    long id = created.object().getJsonNumber("id").longValue();
    assertThat(central.get("tenants/sued/subscribers/" + id).status()).isEqualTo(200);
    assertThat(central.get("tenants/nord/subscribers?size=1").status()).isEqualTo(200);

    try (Connection c = PostgresDatabase.get().owner().getConnection()) {
      assertThat(
              Sql.strings(
                  c,
                  "SELECT tenant_key || ' ' || action || ' ' || coalesce(detail, '') FROM audit_entry"
                      + " WHERE actor = 'central' ORDER BY id"))
          .contains(
              "sued subscriber.create ", "sued subscriber.get " + id, "nord subscriber.search ");
      assertThat(Sql.strings(c, "SELECT count(*) FROM audit_entry WHERE actor = 'nord-editor'"))
          .containsExactly("0");
    }
  }

  @Test
  void aDeactivatedTenantsStaffCanNoLongerSignInButItsDataIsKept() {
    Sql.update(
        PostgresDatabase.get().owner(),
        "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
            + " VALUES ('dormant', 'Ruhende GmbH', 'ACTIVE', now(), 1) ON CONFLICT DO NOTHING");
    Api editor = Api.as(base, "dormant-editor");
    String email = unique("dormant");
    assertThat(editor.post("tenants/dormant/subscribers", "{\"email\":\"" + email + "\"}").status())
        .isEqualTo(201);

    Sql.update(
        PostgresDatabase.get().owner(),
        "UPDATE tenant SET status = 'DEACTIVATED' WHERE tenant_key = 'dormant'");
    try {
      assertThat(editor.get("tenants").status()).isEqualTo(401);
      assertThat(editor.get("tenants/dormant/subscribers").status()).isEqualTo(401);
      JsonObject seenCentrally =
          Api.as(base, "admin").get("tenants/dormant/subscribers?q=" + email).object();
      assertThat(seenCentrally.getInt("total")).isEqualTo(1);
      assertThat(tenantKeys("admin")).contains("dormant");
    } finally {
      Sql.update(
          PostgresDatabase.get().owner(),
          "UPDATE tenant SET status = 'ACTIVE' WHERE tenant_key = 'dormant'");
    }
  }

  @Test
  void listsBelongToTheirTenantAndCountTheirMembers() {
    Api editor = Api.as(base, "nord-editor");
    String name = "News " + UUID.randomUUID().toString().substring(0, 8);
    String body =
        "{\"name\":\""
            + name
            + "\",\"visibility\":\"PUBLIC\",\"optInMode\":\"DOUBLE\",\"consentText\":\"I agree.\"}";
    Response created = editor.post("tenants/nord/lists", body);
    assertThat(created.status()).isEqualTo(201);
    long id = created.object().getJsonNumber("id").longValue();
    assertThat(created.location()).endsWith("/api/v1/tenants/nord/lists/" + id);

    JsonObject read = editor.get("tenants/nord/lists/" + id).object();
    assertThat(read.getString("name")).isEqualTo(name);
    assertThat(read.getString("optInMode")).isEqualTo("DOUBLE");
    assertThat(read.getInt("subscribed")).isZero();
    assertThat(
            editor.get("tenants/nord/lists").json().asJsonArray().stream()
                .map(list -> list.asJsonObject().getString("name")))
        .contains(name);

    assertThat(editor.post("tenants/nord/lists", body).status()).isEqualTo(409);
    assertThat(Api.as(base, "sued-editor").post("tenants/sued/lists", body).status())
        .isEqualTo(201);

    Api suedEditor = Api.as(base, "sued-editor");
    assertThat(suedEditor.get("tenants/nord/lists").status()).isEqualTo(404);
    assertThat(suedEditor.get("tenants/nord/lists/" + id).status()).isEqualTo(404);
    assertThat(suedEditor.get("tenants/sued/lists/" + id).status()).isEqualTo(404);
    assertThat(suedEditor.post("tenants/nord/lists", body).status()).isEqualTo(404);
    assertThat(
            suedEditor.get("tenants/sued/lists").json().asJsonArray().stream()
                .map(list -> list.asJsonObject().getJsonNumber("id").longValue()))
        .doesNotContain(id);

    assertThat(Api.as(base, "nord-viewer").get("tenants/nord/lists/" + id).status()).isEqualTo(200);
    assertThat(
            Api.as(base, "nord-viewer")
                .post("tenants/nord/lists", body.replace(name, name + " viewer"))
                .status())
        .isEqualTo(403);

    Response invalid =
        editor.post("tenants/nord/lists", "{\"name\":\" \",\"visibility\":\"PUBLIC\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.object().getJsonObject("fields").keySet())
        .containsExactlyInAnyOrder("name", "optInMode");
  }

  @Test
  void fieldsAndSegmentsSelectInsideTheirTenantOnly() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String tier = "tier_" + suffix;
    String score = "score_" + suffix;
    Api admin = Api.as(base, "nord-admin");
    Api editor = Api.as(base, "nord-editor");
    String choice =
        "{\"key\":\""
            + tier
            + "\",\"label\":\"Tier\",\"type\":\"CHOICE\","
            + "\"choices\":[\"Gold\",\"Silber\"]}";
    assertThat(editor.post("tenants/nord/attributes", choice).status())
        .as("fields are for administrators")
        .isEqualTo(403);
    assertThat(admin.post("tenants/nord/attributes", choice).status()).isEqualTo(201);
    assertThat(admin.post("tenants/nord/attributes", choice).status()).isEqualTo(409);
    assertThat(
            admin
                .post(
                    "tenants/nord/attributes",
                    "{\"key\":\"" + score + "\",\"label\":\"Score\",\"type\":\"NUMBER\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            admin
                .post(
                    "tenants/nord/attributes",
                    "{\"key\":\"Bad Key\",\"label\":\"x\",\"type\":\"TEXT\"}")
                .object()
                .getJsonObject("fields")
                .getString("key"))
        .isNotBlank();

    String email = unique("fields");
    Response created =
        editor.post(
            "tenants/nord/subscribers",
            "{\"email\":\""
                + email
                + "\",\"attributes\":{\""
                + tier
                + "\":\"gold\",\""
                + score
                + "\":\"12,5\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.object().getJsonNumber("id").longValue();
    JsonObject values =
        editor.get("tenants/nord/subscribers/" + id).object().getJsonObject("attributes");
    assertThat(values.getString(tier)).isEqualTo("Gold");
    assertThat(values.getString(score)).isEqualTo("12.5");
    Response notANumber =
        editor.put(
            "tenants/nord/subscribers/" + id,
            "{\"email\":\"" + email + "\",\"attributes\":{\"" + score + "\":\"twelve\"}}");
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.object().getJsonObject("fields").getString("attributes." + score))
        .contains("Not a number");
    assertThat(
            editor
                .put(
                    "tenants/nord/subscribers/" + id,
                    "{\"email\":\"" + email + "\",\"attributes\":{\"shoe_size\":\"42\"}}")
                .status())
        .isEqualTo(400);
    assertThat(
            editor
                .get("tenants/nord/subscribers/" + id)
                .object()
                .getJsonObject("attributes")
                .getString(score))
        .as("nothing of a refused change is kept")
        .isEqualTo("12.5");

    String rules =
        "\"match\":\"ALL\",\"rules\":[{\"field\":\"attribute:"
            + tier
            + "\",\"operator\":\"EQUALS\",\"value\":\"Gold\"},{\"field\":\"attribute:"
            + score
            + "\",\"operator\":\"GREATER\",\"value\":\"10\"}]";
    assertThat(
            editor.post("tenants/nord/segments/count", "{" + rules + "}").object().getInt("count"))
        .isEqualTo(1);
    Response segment =
        editor.post("tenants/nord/segments", "{\"name\":\"Gold " + suffix + "\"," + rules + "}");
    assertThat(segment.status()).as(segment.body()).isEqualTo(201);
    long segmentId = segment.object().getJsonNumber("id").longValue();
    assertThat(emails(editor.get("tenants/nord/segments/" + segmentId + "/members").object()))
        .containsExactly(email);
    Response export =
        editor.getCsv("tenants/nord/segments/" + segmentId + "/export?separator=;&bom=true");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.body())
        .startsWith("\uFEFFemail;firstName;lastName;status;createdAt\r\n" + email + ";;;ACTIVE;");
    assertThat(
            Api.as(base, "sued-editor")
                .getCsv("tenants/sued/segments/" + segmentId + "/export")
                .status())
        .isEqualTo(404);
    assertThat(
            editor
                .post(
                    "tenants/nord/segments/count",
                    "{\"match\":\"ALL\",\"rules\":[{\"field\":\"email\",\"operator\":\"EQUALS\","
                        + "\"value\":\"x' OR '1'='1\"}]}")
                .object()
                .getInt("count"))
        .isZero();
    Response badRule =
        editor.post(
            "tenants/nord/segments/count",
            "{\"match\":\"ALL\",\"rules\":[{\"field\":\"password\",\"operator\":\"EQUALS\",\"value\":\"x\"}]}");
    assertThat(badRule.status()).isEqualTo(400);
    assertThat(badRule.object().getString("message")).contains("password");

    Api sued = Api.as(base, "sued-editor");
    assertThat(sued.get("tenants/nord/attributes").status()).isEqualTo(404);
    assertThat(sued.get("tenants/nord/segments/" + segmentId).status()).isEqualTo(404);
    assertThat(sued.get("tenants/sued/segments/" + segmentId).status()).isEqualTo(404);
    assertThat(sued.get("tenants/sued/segments/" + segmentId + "/members").status()).isEqualTo(404);
    assertThat(sued.post("tenants/nord/segments/count", "{" + rules + "}").status()).isEqualTo(404);
    assertThat(sued.post("tenants/sued/segments/count", "{" + rules + "}").status())
        .as("another tenant's field keys do not exist here")
        .isEqualTo(400);
    assertThat(Api.as(base, "sued-admin").post("tenants/sued/attributes", choice).status())
        .as("the same key in another tenant")
        .isEqualTo(201);
    String tierOnly =
        "{\"match\":\"ALL\",\"rules\":[{\"field\":\"attribute:"
            + tier
            + "\",\"operator\":\"EQUALS\",\"value\":\"Gold\"}]}";
    assertThat(sued.post("tenants/sued/segments/count", tierOnly).object().getInt("count"))
        .as("nord's Gold subscriber is not sued's")
        .isZero();
    long nordList =
        editor
            .get("tenants/nord/lists")
            .json()
            .asJsonArray()
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    Response onNordsList =
        sued.post(
            "tenants/sued/segments/count",
            "{\"match\":\"ALL\",\"rules\":[{\"field\":\"list\",\"operator\":\"MEMBER\",\"value\":\""
                + nordList
                + "\"}]}");
    assertThat(onNordsList.status()).as("a list id of another tenant").isEqualTo(400);
    assertThat(onNordsList.object().getString("message")).isEqualTo("No such list: " + nordList);
  }

  @Test
  void segmentRulesThatCannotRunAnswer400AndSaveNothing() {
    Api editor = Api.as(base, "nord-editor");
    String name = "Refused " + UUID.randomUUID().toString().substring(0, 6);
    List<String> incomplete =
        List.of(
            "{\"field\":\"email\",\"operator\":\"CONTAINS\"}",
            "{\"field\":\"firstName\",\"operator\":\"NOT_EQUALS\",\"value\":\"  \"}",
            "{\"field\":\"list\",\"operator\":\"MEMBER\"}");
    for (String rule : incomplete) {
      assertRefused(editor, name, rule, "needs a value");
    }
    for (String field : List.of("status", "createdAt")) {
      for (SegmentOperator operator : SegmentOperator.values()) {
        if (SegmentFields.operatorsOf(field).contains(operator)) {
          continue;
        }
        String value = operator.needsValue() ? ",\"value\":\"2026-06-15\"" : "";
        assertRefused(
            editor,
            name,
            "{\"field\":\"" + field + "\",\"operator\":\"" + operator + "\"" + value + "}",
            "The operator " + operator + " does not apply to the field " + field);
      }
    }
    Response noRules =
        editor.post(
            "tenants/nord/segments", "{\"name\":\"" + name + "\",\"match\":\"ALL\",\"rules\":[]}");
    assertThat(noRules.status()).isEqualTo(400);
    assertThat(noRules.object().getString("message")).contains("at least one rule");

    long suedList =
        Api.as(base, "sued-editor")
            .get("tenants/sued/lists")
            .json()
            .asJsonArray()
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    for (String list : List.of(String.valueOf(suedList), "999999999", "Newsletter")) {
      for (String operator : List.of("MEMBER", "NOT_MEMBER")) {
        String rule =
            "{\"field\":\"list\",\"operator\":\"" + operator + "\",\"value\":\"" + list + "\"}";
        assertRefused(editor, name, rule, "No such list: " + list);
      }
    }
    assertThat(editor.get("tenants/nord/segments").body()).doesNotContain(name);

    long kept =
        editor
            .post(
                "tenants/nord/segments",
                "{\"name\":\""
                    + name
                    + "\",\"match\":\"ALL\",\"rules\":[{\"field\":\"email\",\"operator\":\"CONTAINS\",\"value\":\"anna.\"}]}")
            .object()
            .getJsonNumber("id")
            .longValue();
    Response emptied =
        editor.put(
            "tenants/nord/segments/" + kept,
            "{\"name\":\"" + name + "\",\"match\":\"ALL\",\"rules\":[]}");
    assertThat(emptied.status()).isEqualTo(400);
    Response onSuedsList =
        editor.put(
            "tenants/nord/segments/" + kept,
            "{\"name\":\""
                + name
                + "\",\"match\":\"ALL\",\"rules\":[{\"field\":\"list\",\"operator\":\"NOT_MEMBER\",\"value\":\""
                + suedList
                + "\"}]}");
    assertThat(onSuedsList.status()).isEqualTo(400);
    assertThat(editor.get("tenants/nord/segments/" + kept).object().getJsonArray("rules"))
        .as("the saved rules are kept")
        .hasSize(1);
  }

  /** Neither counted nor saved: 400 with the reason. */
  private static void assertRefused(Api api, String name, String rule, String reason) {
    String rules = "\"match\":\"ALL\",\"rules\":[" + rule + "]";
    Response count = api.post("tenants/nord/segments/count", "{" + rules + "}");
    assertThat(count.status()).as("count %s: %s", rule, count.body()).isEqualTo(400);
    assertThat(count.object().getString("message")).as(rule).contains(reason);
    Response save = api.post("tenants/nord/segments", "{\"name\":\"" + name + "\"," + rules + "}");
    assertThat(save.status()).as("save %s: %s", rule, save.body()).isEqualTo(400);
    assertThat(save.object().getString("message")).as(rule).contains(reason);
  }

  @Test
  void writesWithAnotherTenantsIdsChangeNothing() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    Api editor = Api.as(base, "nord-editor");
    Response list =
        editor.post(
            "tenants/nord/lists",
            "{\"name\":\"Kept "
                + suffix
                + "\",\"visibility\":\"INTERNAL\",\"optInMode\":\"SINGLE\"}");
    long listId = list.object().getJsonNumber("id").longValue();
    long subscriber =
        editor
            .post("tenants/nord/subscribers", "{\"email\":\"" + unique("kept") + "\"}")
            .object()
            .getJsonNumber("id")
            .longValue();
    assertThat(
            editor
                .post(
                    "tenants/nord/lists/" + listId + "/members",
                    "{\"subscriberId\":" + subscriber + ",\"legalBasis\":\"Contract\"}")
                .status())
        .isEqualTo(200);
    String rules =
        "\"match\":\"ALL\",\"rules\":[{\"field\":\"email\",\"operator\":\"CONTAINS\",\"value\":\"kept\"}]";
    long segment =
        editor
            .post("tenants/nord/segments", "{\"name\":\"Kept " + suffix + "\"," + rules + "}")
            .object()
            .getJsonNumber("id")
            .longValue();
    long field =
        Api.as(base, "nord-admin")
            .post(
                "tenants/nord/attributes",
                "{\"key\":\"kept_" + suffix + "\",\"label\":\"Kept\",\"type\":\"TEXT\"}")
            .object()
            .getJsonNumber("id")
            .longValue();

    String listChange = "{\"name\":\"Taken\",\"visibility\":\"PUBLIC\",\"optInMode\":\"SINGLE\"}";
    String segmentChange = "{\"name\":\"Taken\"," + rules + "}";
    String fieldChange = "{\"key\":\"kept_" + suffix + "\",\"label\":\"Taken\",\"type\":\"TEXT\"}";
    Api suedEditor = Api.as(base, "sued-editor");
    Api suedAdmin = Api.as(base, "sued-admin");
    for (String tenant : List.of("sued", "nord")) {
      String path = "tenants/" + tenant;
      assertThat(suedEditor.put(path + "/lists/" + listId, listChange).status()).isEqualTo(404);
      assertThat(suedEditor.delete(path + "/lists/" + listId + "/members/" + subscriber).status())
          .isEqualTo(404);
      assertThat(suedEditor.put(path + "/segments/" + segment, segmentChange).status())
          .isEqualTo(404);
      assertThat(suedEditor.delete(path + "/segments/" + segment).status()).isEqualTo(404);
      assertThat(suedAdmin.put(path + "/attributes/" + field, fieldChange).status()).isEqualTo(404);
      assertThat(suedAdmin.delete(path + "/attributes/" + field).status()).isEqualTo(404);
    }

    assertThat(editor.get("tenants/nord/lists/" + listId).object().getString("name"))
        .isEqualTo("Kept " + suffix);
    assertThat(
            editor
                .get("tenants/nord/lists/" + listId + "/members")
                .object()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("status"))
        .isEqualTo("SUBSCRIBED");
    assertThat(editor.get("tenants/nord/segments/" + segment).object().getString("name"))
        .isEqualTo("Kept " + suffix);
    assertThat(
            editor.get("tenants/nord/attributes").json().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(f -> f.getJsonNumber("id").longValue() == field)
                .map(f -> f.getString("label"))
                .toList())
        .containsExactly("Kept");
  }

  @Test
  void centralAdministratorsSetGlobalValuesAndTenantsOverrideThemWhereAllowed()
      throws SQLException {
    Api admin = Api.as(base, "admin");
    Api nordAdmin = Api.as(base, "nord-admin");
    try {
      JsonObject limit = setting(admin.get("settings"), "SENDING_FAIR_SHARE");
      assertThat(limit.getString("value")).isEqualTo("200");
      assertThat(limit.getString("source")).isEqualTo("DEFAULT");
      assertThat(limit.getString("scope")).isEqualTo("GLOBAL_ONLY");
      JsonObject baseUrl = admin.get("settings/PUBLIC_BASE_URL").object();
      assertThat(baseUrl.getString("value")).isEqualTo(RundbriefServer.publicUrl());
      assertThat(baseUrl.getString("source")).isEqualTo("DEFAULT");

      Response set =
          admin.put(
              "settings/SENDER_NAME",
              "{\"value\":\" Rundbrief Gruppe \",\"tenantMayOverride\":true}");
      assertThat(set.status()).as(set.body()).isEqualTo(200);
      assertThat(set.object().getString("value")).isEqualTo("Rundbrief Gruppe");
      assertThat(set.object().getString("source")).isEqualTo("GLOBAL");
      assertThat(set.object().getBoolean("tenantMayOverride")).isTrue();
      assertThat(set.object().getString("updatedBy")).isEqualTo("admin");

      JsonObject inherited = nordAdmin.get("tenants/nord/settings/SENDER_NAME").object();
      assertThat(inherited.getString("value")).isEqualTo("Rundbrief Gruppe");
      assertThat(inherited.getString("source")).isEqualTo("GLOBAL");
      assertThat(inherited.containsKey("tenantValue")).isFalse();

      Response own =
          nordAdmin.put("tenants/nord/settings/sender_name", "{\"value\":\"Nord News\"}");
      assertThat(own.status()).as(own.body()).isEqualTo(200);
      assertThat(own.object().getString("value")).isEqualTo("Nord News");
      assertThat(own.object().getString("source")).isEqualTo("TENANT");
      assertThat(own.object().getString("globalValue")).isEqualTo("Rundbrief Gruppe");
      assertThat(setting(nordAdmin.get("tenants/nord/settings"), "SENDER_NAME").getString("value"))
          .isEqualTo("Nord News");
      JsonObject sued =
          Api.as(base, "sued-admin").get("tenants/sued/settings/SENDER_NAME").object();
      assertThat(sued.getString("value")).isEqualTo("Rundbrief Gruppe");
      assertThat(sued.containsKey("tenantValue")).isFalse();

      // no longer allowed: the tenant's value is kept but the global one counts
      admin.put("settings/SENDER_NAME", "{\"tenantMayOverride\":false}");
      JsonObject revoked = nordAdmin.get("tenants/nord/settings/SENDER_NAME").object();
      assertThat(revoked.getString("value")).isEqualTo("Rundbrief Gruppe");
      assertThat(revoked.getString("source")).isEqualTo("GLOBAL");
      assertThat(revoked.getString("tenantValue")).isEqualTo("Nord News");
      assertThat(
              nordAdmin.put("tenants/nord/settings/SENDER_NAME", "{\"value\":\"Again\"}").status())
          .isEqualTo(403);

      // removing the tenant's value, then the global one, falls back level by level
      admin.put("settings/SENDER_NAME", "{\"tenantMayOverride\":true}");
      JsonObject removed = nordAdmin.delete("tenants/nord/settings/SENDER_NAME").object();
      assertThat(removed.getString("value")).isEqualTo("Rundbrief Gruppe");
      assertThat(removed.getString("source")).isEqualTo("GLOBAL");
      assertThat(removed.containsKey("tenantValue")).isFalse();
      JsonObject cleared = admin.delete("settings/SENDER_NAME").object();
      assertThat(cleared.getString("value")).isEmpty();
      assertThat(cleared.getString("source")).isEqualTo("DEFAULT");
      assertThat(cleared.getBoolean("tenantMayOverride")).isTrue();

      try (Connection c = PostgresDatabase.get().owner().getConnection()) {
        assertThat(
                Sql.strings(
                    c,
                    "SELECT actor || ' ' || coalesce(tenant_key, '-') || ' ' || detail"
                        + " FROM audit_entry WHERE action LIKE 'setting.%'"
                        + " AND detail LIKE 'SENDER_NAME:%' ORDER BY id"))
            .containsSubsequence(
                "admin - SENDER_NAME: (none) -> \"Rundbrief Gruppe\"",
                "admin - SENDER_NAME: \"false\" -> \"true\"",
                "nord-admin nord SENDER_NAME: (none) -> \"Nord News\"",
                "admin - SENDER_NAME: \"true\" -> \"false\"",
                "admin - SENDER_NAME: \"false\" -> \"true\"",
                "nord-admin nord SENDER_NAME: \"Nord News\" -> (none)",
                "admin - SENDER_NAME: \"Rundbrief Gruppe\" -> (none)");
      }
    } finally {
      nordAdmin.delete("tenants/nord/settings/SENDER_NAME");
      admin.delete("settings/SENDER_NAME");
      admin.put("settings/SENDER_NAME", "{\"tenantMayOverride\":false}");
    }
  }

  @Test
  void aTenantAdministratorCannotChangeGlobalOnlyOrClosedSettingsNorAnotherTenants() {
    Api admin = Api.as(base, "admin");
    Api nordAdmin = Api.as(base, "nord-admin");
    Api suedAdmin = Api.as(base, "sued-admin");
    try {
      String value = "{\"value\":\"1\"}";
      assertThat(nordAdmin.put("tenants/nord/settings/SENDING_PER_HOUR", value).status())
          .isEqualTo(403);
      Response baseUrl =
          nordAdmin.put(
              "tenants/nord/settings/PUBLIC_BASE_URL", "{\"value\":\"https://evil.example\"}");
      assertThat(baseUrl.status()).isEqualTo(403);
      assertThat(baseUrl.object().getString("message")).contains("central administrators only");
      assertThat(
              nordAdmin
                  .put("tenants/nord/settings/REPLY_TO", "{\"value\":\"a@nord.example\"}")
                  .status())
          .as("not open to tenants")
          .isEqualTo(403);
      assertThat(nordAdmin.get("settings").status()).isEqualTo(403);
      assertThat(nordAdmin.put("settings/SENDING_PER_HOUR", value).status()).isEqualTo(403);
      assertThat(nordAdmin.delete("settings/PUBLIC_BASE_URL").status()).isEqualTo(403);
      assertThat(Api.as(base, "nord-editor").get("tenants/nord/settings").status()).isEqualTo(403);
      assertThat(Api.as(base, "central").put("settings/SENDING_PER_HOUR", value).status())
          .isEqualTo(403);
      assertThat(admin.put("settings/PUBLIC_BASE_URL", "{\"tenantMayOverride\":true}").status())
          .isEqualTo(403);
      assertThat(admin.get("settings/NO_SUCH_SETTING").status()).isEqualTo(404);
      assertThat(admin.get("settings").json().asJsonArray()).hasSize(22);

      admin.put("settings/REPLY_TO", "{\"tenantMayOverride\":true}");
      assertThat(
              suedAdmin
                  .put("tenants/sued/settings/REPLY_TO", "{\"value\":\"post@sued.example\"}")
                  .status())
          .isEqualTo(200);
      for (String tenant : List.of("sued", "atlantis", "NOT-A-KEY")) {
        String path = "tenants/" + tenant + "/settings";
        List<Response> answers =
            List.of(
                nordAdmin.get(path),
                nordAdmin.get(path + "/REPLY_TO"),
                nordAdmin.put(path + "/REPLY_TO", "{\"value\":\"taken@nord.example\"}"),
                nordAdmin.delete(path + "/REPLY_TO"));
        assertThat(answers)
            .as("every settings path under tenant %s", tenant)
            .allSatisfy(
                answer -> {
                  assertThat(answer.status()).isEqualTo(404);
                  assertThat(answer.object().getString("message")).isEqualTo("Not found");
                });
      }
      JsonObject sued = suedAdmin.get("tenants/sued/settings/REPLY_TO").object();
      assertThat(sued.getString("value")).isEqualTo("post@sued.example");
      assertThat(sued.getString("source")).isEqualTo("TENANT");
      assertThat(
              nordAdmin.get("tenants/nord/settings/REPLY_TO").object().containsKey("tenantValue"))
          .isFalse();
    } finally {
      suedAdmin.delete("tenants/sued/settings/REPLY_TO");
      admin.put("settings/REPLY_TO", "{\"tenantMayOverride\":false}");
    }
  }

  @Test
  void invalidSettingValuesAnswer400AndChangeNothing() {
    Api admin = Api.as(base, "admin");
    for (String[] invalid :
        new String[][] {
          {"BRANDING_COLOR", "red"},
          {"SENDING_PER_HOUR", "-1"},
          {"PUBLIC_BASE_URL", "javascript:alert(1)"},
          {"ALLOWED_SENDER_DOMAINS", "not a domain"},
          {"REPLY_TO", "nobody"},
          {"IMPRINT_HTML", "<p onclick=\\\"x()\\\">Imprint</p>"},
          {"OPT_IN_TEXT", "Please confirm."},
          {"SENDER_NAME", "Nord\\r\\nBcc: x@evil.example"}
        }) {
      // demo data and other tests may have set some of these: what counts is that nothing changes
      String before = admin.get("settings/" + invalid[0]).body();
      Response answer = admin.put("settings/" + invalid[0], "{\"value\":\"" + invalid[1] + "\"}");
      assertThat(answer.status()).as(invalid[0] + " " + answer.body()).isEqualTo(400);
      assertThat(answer.object().getJsonObject("fields").getString("value")).startsWith(invalid[0]);
      assertThat(admin.get("settings/" + invalid[0]).body()).isEqualTo(before);
    }
    assertThat(admin.put("settings/SENDER_NAME", "{}").status()).isEqualTo(400);
    assertThat(admin.put("settings/SENDER_NAME", "{\"value\":").status()).isEqualTo(400);
  }

  private List<String> tenantKeys(String user) {
    Response response = Api.as(base, user).get("tenants");
    assertThat(response.status()).isEqualTo(200);
    return response.json().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .map(tenant -> tenant.getString("key"))
        .toList();
  }

  private long firstId(String user, String tenant) {
    JsonObject page = Api.as(base, user).get("tenants/" + tenant + "/subscribers?size=1").object();
    return page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
  }

  /** Counts a tenant's subscribers with this address, as its central staff see them. */
  private long count(String tenant, String email) {
    return Api.as(base, "admin")
        .get("tenants/" + tenant + "/subscribers?q=" + email)
        .object()
        .getInt("total");
  }

  /** One setting of a list answer. */
  private static JsonObject setting(Response list, String key) {
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(s -> s.getString("key").equals(key))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> emails(JsonObject page) {
    return page.getJsonArray("items").stream()
        .map(item -> item.asJsonObject().getString("email"))
        .toList();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
  }
}
