package de.rundbrief.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.testsupport.CmsTestServer;
import de.rundbrief.web.it.Api.Response;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/** The staff journeys that matter, in a real headless Chromium against Payara Micro. */
@ExtendWith(RundbriefServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScreensIT {

  @Deployment(testable = false)
  static WebArchive rundbrief() {
    return RundbriefServer.war();
  }

  @ArquillianResource private URL base;

  @Test
  void staffSignInSeeTheirTenantAndSignOut() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.go("subscribers/list.xhtml");
      assertThat(browser.path()).as(browser.pageText()).endsWith("/login.xhtml");

      String sessionBefore = browser.cookie("JSESSIONID");
      assertThat(sessionBefore).isNotNull();

      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      assertThat(browser.path()).as(browser.pageText()).endsWith("/subscribers/list.xhtml");
      assertThat(browser.cookie("JSESSIONID"))
          .as("session id renewed at sign-in")
          .isNotNull()
          .isNotEqualTo(sessionBefore);
      Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
      assertThat(session.isHttpOnly()).isTrue();
      assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
      assertThat(browser.text("shell:signedInUser")).isEqualTo("nord-editor");
      assertThat(browser.text("scope")).isEqualTo("Tochter Nord GmbH");
      assertOnlyTenant(emails(browser), "nord", "sued");
      assertThat(browser.present("shell:navTenants")).isFalse();
      browser.screenshot("subscribers-nord-editor");

      browser.click("shell:signOut");
      browser.until(driver -> browser.path().endsWith("/login.xhtml"));
      assertThat(browser.driver().getPageSource()).contains("You have signed out.");
      browser.go("subscribers/list.xhtml");
      assertThat(browser.path()).endsWith("/login.xhtml");
    }
  }

  @Test
  void aWrongPasswordKeepsTheSignInPageWithAMessage() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-editor", "wrong");
      assertThat(browser.path()).endsWith("/login.xhtml");
      assertThat(browser.driver().getPageSource()).contains("Sign-in failed");
      browser.signIn("outsider", RundbriefServer.PASSWORD);
      assertThat(browser.driver().getPageSource()).contains("Sign-in failed");
    }
  }

  @Test
  void aCentralUserSwitchesBetweenAllTenantsAndOne() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn("central", RundbriefServer.PASSWORD);
      assertThat(browser.text("scope")).isEqualTo("All tenants");
      browser.type("subscribers:search", "anna.1");
      // the search has answered when only matching rows are left
      browser.until(
          driver -> {
            List<String> shown = emails(browser);
            return !shown.isEmpty() && shown.stream().allMatch(e -> e.startsWith("anna.1"));
          });
      assertThat(emails(browser))
          .anyMatch(e -> e.endsWith("@nord.example"))
          .anyMatch(e -> e.endsWith("@sued.example"));
      browser.screenshot("subscribers-all-tenants");

      browser.script("PF('tenantFilter').selectValue('nord'); PF('tenantFilter').triggerChange();");
      browser.until(
          driver -> {
            List<String> shown = emails(browser);
            return !shown.isEmpty() && shown.stream().allMatch(e -> e.endsWith("@nord.example"));
          });
      browser.script("PF('tenantFilter').selectValue(''); PF('tenantFilter').triggerChange();");
      browser.until(driver -> emails(browser).stream().anyMatch(e -> e.endsWith("@sued.example")));

      // chosen through the widget's own API, which fires the same change event as a click on an
      // item: clicks into the animated overlay are unreliable in a headless browser
      browser.script("PF('tenantSwitch').selectValue('sued'); PF('tenantSwitch').triggerChange();");
      browser.until(driver -> "Tochter Süd AG".equals(browser.text("scope")));
      assertOnlyTenant(emails(browser), "sued", "nord");
    }
  }

  @Test
  void theSubscriberDialogShowsAndChecksTheTenantsFields() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String key = "shoe_" + suffix;
    assertThat(
            Api.as(base, "nord-admin")
                .post(
                    "tenants/nord/attributes",
                    "{\"key\":\""
                        + key
                        + "\",\"label\":\"Shoe "
                        + suffix
                        + "\",\"type\":\"NUMBER\"}")
                .status())
        .isEqualTo(201);
    String email = "fields-" + suffix + "@nord.example";
    By shoeSize = By.cssSelector("input.rb-field-" + key);
    try (Browser browser = Browser.open(base)) {
      // a low window: the dialog with the tenant's fields is taller than it
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 560));
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      browser.click("subscribers:add");
      browser.type("subscriberForm:email", email);
      browser.until(driver -> !driver.findElements(shoeSize).isEmpty());
      assertThat(
              (Boolean)
                  browser.script(
                      "const content = document.querySelector('#subscriberDialog"
                          + " .ui-dialog-content');"
                          + "const save = document.getElementById('subscriberForm:save')"
                          + ".getBoundingClientRect();"
                          + "return content.scrollHeight > content.clientHeight"
                          + " && save.top >= 0 && save.bottom <= window.innerHeight;"))
          .as("the dialog scrolls inside and its buttons stay in the window")
          .isTrue();
      browser.driver().findElement(shoeSize).sendKeys("forty");
      browser.click("subscriberForm:save");
      browser.until(
          driver -> driver.getPageSource().contains("Field Shoe " + suffix + ": Not a number"));
      browser.driver().findElement(shoeSize).clear();
      browser.driver().findElement(shoeSize).sendKeys("42,5");
      browser.click("subscriberForm:save");
      browser.until(driver -> driver.getPageSource().contains("Subscriber " + email + " created."));
    }
    Api editor = Api.as(base, "nord-editor");
    long id =
        editor
            .get("tenants/nord/subscribers?q=" + email)
            .object()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    assertThat(
            editor
                .get("tenants/nord/subscribers/" + id)
                .object()
                .getJsonObject("attributes")
                .getString(key))
        .isEqualTo("42.5");
  }

  @Test
  void theSubscriberDialogValidatesCreatesEditsAndDeletes() throws Exception {
    String email = "dialog-" + UUID.randomUUID().toString().substring(0, 8) + "@nord.example";
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);

      browser.click("subscribers:add");
      browser.type("subscriberForm:email", "not-an-address");
      browser.type("subscriberForm:firstName", "Dora");
      browser.click("subscriberForm:save");
      browser.until(driver -> driver.getPageSource().contains("Enter a valid e-mail address"));
      assertThat(browser.byId("subscriberDialog").isDisplayed()).isTrue();
      browser.screenshot("subscriber-dialog-invalid");

      browser.type("subscriberForm:email", email);
      browser.type("subscriberForm:lastName", "Dialog");
      browser.click("subscriberForm:save");
      browser.until(driver -> driver.getPageSource().contains("Subscriber " + email + " created."));
      browser.until(driver -> !browser.byIdPresentAndShown("subscriberDialog"));

      browser.type("subscribers:search", email);
      browser.until(driver -> emails(browser).equals(List.of(email)));

      browser.click("subscribers:table:0:edit");
      browser.type("subscriberForm:lastName", "Geändert");
      browser.click("subscriberForm:save");
      browser.until(driver -> driver.getPageSource().contains("Subscriber " + email + " saved."));
      browser.until(
          driver -> browser.byId("subscribers:table_data").getText().contains("Geändert"));

      browser.click("subscribers:table:0:delete");
      browser.click("subscribers:confirmYes");
      browser.until(driver -> driver.getPageSource().contains("Subscriber " + email + " deleted."));
      browser.until(driver -> emails(browser).isEmpty());
    }
  }

  @Test
  void theTenantViewParameterCannotCrossIntoAnotherTenant() throws Exception {
    Api.as(base, "admin")
        .put("settings/ALLOWED_SENDER_DOMAINS", "{\"value\":\"nord.example\\nsued.example\"}");
    Response suedMailing =
        Api.as(base, "sued-editor")
            .post(
                "tenants/sued/mailings",
                "{\"name\":\"Intern Sued\",\"subject\":\"Geheim Sued\","
                    + "\"senderAddress\":\"news@sued.example\",\"htmlBody\":\"<p>Sued</p>\"}");
    assertThat(suedMailing.status()).as(suedMailing.body()).isEqualTo(201);
    long suedId = suedMailing.object().getJsonNumber("id").longValue();
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      browser.go("subscribers/list.xhtml?tenant=sued");
      assertThat(browser.text("errorTitle")).isEqualTo("Not found");
      assertThat(browser.driver().getPageSource()).doesNotContain("@sued.example");
      browser.go("subscribers/list.xhtml?tenant=atlantis");
      assertThat(browser.text("errorTitle")).isEqualTo("Not found");
      for (String page :
          List.of("mailings/list.xhtml", "templates/list.xhtml", "statistics/overview.xhtml")) {
        browser.go(page + "?tenant=sued");
        assertThat(browser.text("errorTitle")).as(page).isEqualTo("Not found");
      }

      browser.go("mailings/edit.xhtml?tenant=sued&id=" + suedId);
      assertThat(browser.text("errorTitle")).isEqualTo("Not found");
      browser.go("mailings/edit.xhtml?tenant=nord&id=" + suedId);
      assertThat(browser.text("errorTitle")).as("another tenant's id").isEqualTo("Not found");
      assertThat(browser.driver().getPageSource()).doesNotContain("Geheim Sued");

      // an id that is no number, or too big for one, is not found either, never an empty page
      for (String page :
          List.of(
              "subscribers/detail.xhtml?tenant=nord&id=abc",
              "subscribers/detail.xhtml?tenant=nord&id=99999999999999999999",
              "lists/import.xhtml?tenant=nord&list=abc",
              "mailings/edit.xhtml?tenant=nord&id=1x")) {
        browser.go(page);
        assertThat(browser.text("errorTitle")).as(page).isEqualTo("Not found");
      }

      browser.go("subscribers/list.xhtml?tenant=nord");
      assertThat(browser.text("scope")).isEqualTo("Tochter Nord GmbH");
      assertThat(
              browser.all(By.cssSelector("#shell\\:tenantSwitch_input option")).stream()
                  .map(option -> option.getAttribute("value"))
                  .toList())
          .as("tenant staff are offered their tenants, not all")
          .doesNotContain("")
          .contains("nord");
      browser.go("subscribers/list.xhtml");
      assertThat(browser.text("scope")).isEqualTo("Tochter Nord GmbH");
    }
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-viewer", RundbriefServer.PASSWORD);
      long newsletter = nordNewsletter("nord-viewer");
      browser.go("lists/import.xhtml?tenant=nord&list=" + newsletter);
      assertThat(browser.text("errorTitle"))
          .as("a viewer does not get the upload")
          .isEqualTo("Not allowed");
    }
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-admin", RundbriefServer.PASSWORD);
      for (String page : List.of("apikeys/list.xhtml", "settings/tenant.xhtml")) {
        browser.go(page + "?tenant=sued");
        assertThat(browser.text("errorTitle")).as(page).isEqualTo("Not found");
      }
    }
  }

  @Test
  void aCentralUserFollowsADeepLinkIntoATenant() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn("admin", RundbriefServer.PASSWORD);
      browser.go("subscribers/list.xhtml?tenant=sued");
      assertThat(browser.text("scope")).isEqualTo("Tochter Süd AG");
      assertOnlyTenant(emails(browser), "sued", "nord");
      assertThat(browser.present("shell:navTenants")).isTrue();
      assertThat(browser.present("shell:navAudit")).isTrue();
    }
  }

  @Test
  void aCentralAdministratorManagesTenantsAndEveryChangeIsAudited() throws Exception {
    String key = "w" + UUID.randomUUID().toString().substring(0, 6);
    try (Browser browser = Browser.open(base)) {
      browser.signIn("admin", RundbriefServer.PASSWORD);
      browser.click("shell:navTenants");
      browser.until(driver -> browser.path().endsWith("/tenants/list.xhtml"));

      browser.click("tenants:add");
      browser.type("tenantForm:key", "Not A Key!");
      browser.type("tenantForm:name", "Tochter West KG");
      browser.click("tenantForm:save");
      browser.until(driver -> driver.getPageSource().contains("Use 2 to 32 lower-case letters"));

      browser.type("tenantForm:key", key);
      browser.click("tenantForm:save");
      browser.until(driver -> driver.getPageSource().contains("Tenant " + key + " created."));
      browser.until(driver -> tenantRow(browser, key) != null);

      tenantRow(browser, key).findElement(By.cssSelector("[id$=':rename']")).click();
      browser.type("tenantForm:name", "Tochter West GmbH");
      browser.click("tenantForm:save");
      browser.until(driver -> tenantRow(browser, key).getText().contains("Tochter West GmbH"));

      tenantRow(browser, key).findElement(By.cssSelector("[id$=':deactivate']")).click();
      browser.click("tenants:confirmYes");
      browser.until(driver -> tenantRow(browser, key).getText().contains("Deactivated"));
      browser.screenshot("tenants");

      browser.click("shell:navAudit");
      browser.until(driver -> browser.path().endsWith("/audit/list.xhtml"));
      String audit = browser.text("audit:table");
      assertThat(audit)
          .contains("tenant.create", "tenant.rename", "tenant.deactivate", "Tochter West GmbH");
    }
  }

  @Test
  void tenantStaffCannotOpenCentralAdministration() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      browser.go("tenants/list.xhtml");
      assertThat(browser.text("errorTitle")).isEqualTo("Not allowed");
      browser.go("audit/list.xhtml");
      assertThat(browser.text("errorTitle")).isEqualTo("Not allowed");
      browser.go("settings/global.xhtml");
      assertThat(browser.text("errorTitle")).isEqualTo("Not allowed");
      browser.go("settings/tenant.xhtml");
      assertThat(browser.text("errorTitle")).isEqualTo("Not allowed");
      browser.go("cms/sources.xhtml");
      assertThat(browser.text("errorTitle")).isEqualTo("Not allowed");
    }
  }

  /**
   * Central administration sets the imprint for all and opens the colour to tenants; the tenant's
   * administrator picks a colour; the tenant's public form shows both, the other tenant's only the
   * imprint, at once and without a restart.
   */
  @Test
  void aTenantAdministratorBrandsThePublicPagesWhereCentralAdministrationAllowsIt()
      throws Exception {
    long nordList = newsletter("nord");
    long suedList = newsletter("sued");
    String imprintRow = "settings:table:" + 4; // IMPRINT_HTML
    String colourRow = "settings:table:" + 10; // BRANDING_COLOR
    try {
      try (Browser browser = Browser.open(base)) {
        browser.signIn("admin", RundbriefServer.PASSWORD);
        browser.click("shell:navSettings");
        browser.until(driver -> browser.path().endsWith("/settings/global.xhtml"));
        assertThat(browser.text(colourRow + ":value")).isEqualTo("#1f5f8b");
        assertThat(browser.text(colourRow + ":source")).isEqualTo("Default");

        browser.click(imprintRow + ":edit");
        browser.until(driver -> browser.byIdPresentAndShown("settingForm:value"));
        browser.type(
            "settingForm:value", "<p>Rundbrief <b>Gruppe</b></p><script>alert(1)</script>");
        browser.click("settingForm:save");
        browser.until(driver -> driver.getPageSource().contains("Scripts, styles, frames"));
        browser.type("settingForm:value", "<p>Rundbrief <b>Gruppe</b>, Hafenweg 1</p>");
        browser.click("settingForm:save");
        browser.until(driver -> driver.getPageSource().contains("Imprint and footer saved."));
        browser.until(driver -> "Global".equals(browser.text(imprintRow + ":source")));
        browser.until(driver -> !browser.byIdPresentAndShown("settingForm:value"));

        browser.click(colourRow + ":edit");
        browser.until(driver -> browser.byIdPresentAndShown("settingForm:tenantMayOverride"));
        browser.click(By.cssSelector("[id='settingForm:tenantMayOverride'] .ui-chkbox-box"));
        browser.click("settingForm:save");
        browser.until(driver -> "Yes".equals(browser.text(colourRow + ":override")));
        browser.screenshot("settings-global");
      }
      try (Browser browser = Browser.open(base)) {
        browser.signIn("nord-admin", RundbriefServer.PASSWORD);
        browser.click("shell:navTenantSettings");
        browser.until(driver -> browser.path().endsWith("/settings/tenant.xhtml"));
        assertThat(browser.text("scope")).isEqualTo("Tochter Nord GmbH");
        assertThat(browser.text(imprintRow + ":source")).isEqualTo("Global");
        assertThat(browser.present("settings:table:6:edit")).as("public address").isFalse();
        assertThat(browser.text("settings:table:6:locked"))
            .isEqualTo("Central administration only");

        browser.click(colourRow + ":edit");
        browser.until(driver -> browser.byIdPresentAndShown("settingForm:value"));
        browser.type("settingForm:value", "red");
        browser.click("settingForm:save");
        browser.until(driver -> driver.getPageSource().contains("Enter a colour as #rrggbb."));
        browser.type("settingForm:value", "#7A1F5C");
        browser.click("settingForm:save");
        browser.until(driver -> "#7a1f5c".equals(browser.text(colourRow + ":value")));
        assertThat(browser.text(colourRow + ":source")).isEqualTo("Tenant");
        browser.screenshot("settings-tenant");

        browser.go("subscribe.xhtml?tenant=nord&list=" + nordList);
        assertThat(browser.driver().getPageSource()).contains("--rb-brand: #7a1f5c;");
        assertThat(browser.text("imprint")).isEqualTo("Rundbrief Gruppe, Hafenweg 1");
        assertThat(browser.driver().getPageSource()).doesNotContain("alert(1)");
        browser.screenshot("subscribe-branded");
        browser.go("subscribe.xhtml?tenant=sued&list=" + suedList);
        assertThat(browser.driver().getPageSource()).contains("--rb-brand: #1f5f8b;");
        assertThat(browser.text("imprint")).isEqualTo("Rundbrief Gruppe, Hafenweg 1");
      }
    } finally {
      Api.as(base, "nord-admin").delete("tenants/nord/settings/BRANDING_COLOR");
      Api admin = Api.as(base, "admin");
      admin.delete("settings/IMPRINT_HTML");
      admin.put("settings/BRANDING_COLOR", "{\"tenantMayOverride\":false}");
    }
  }

  /** The demo tenant's public double opt-in list. */
  private long newsletter(String tenant) {
    return Api.as(base, tenant + "-editor")
        .get("tenants/" + tenant + "/lists")
        .json()
        .asJsonArray()
        .stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(list -> list.getString("name").equals("Newsletter"))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private static WebElement tenantRow(Browser browser, String key) {
    return browser.all(By.cssSelector("[id='tenants:table_data'] tr")).stream()
        .filter(row -> row.getText().startsWith(key + " ") || row.getText().startsWith(key + "\n"))
        .findFirst()
        .orElse(null);
  }

  @Test
  void theScreensSpeakTheBrowsersLanguage() throws Exception {
    try (Browser browser = Browser.openInGerman(base)) {
      browser.go("login.xhtml");
      assertThat(browser.byId("login:signIn").getText()).isEqualTo("Anmelden");
      browser.signIn("sued-editor", RundbriefServer.PASSWORD);
      assertThat(browser.text("shell:navSubscribers")).isEqualTo("Empfänger");
      assertThat(browser.byId("shell:signOut").getText()).isEqualTo("Abmelden");
      browser.screenshot("subscribers-german");

      browser.click(By.xpath("//*[@id='shell:language']//*[normalize-space(text())='EN']"));
      browser.until(driver -> "Subscribers".equals(browser.text("shell:navSubscribers")));
      browser.go("subscribers/list.xhtml");
      assertThat(browser.byId("shell:signOut").getText()).isEqualTo("Sign out");
    }
  }

  /**
   * The list shows the tenant's demo subscribers and none of the other's (other tests add
   * subscribers of their own, under other domains).
   */
  private static void assertOnlyTenant(List<String> emails, String tenant, String other) {
    assertThat(emails)
        .anyMatch(e -> e.endsWith("@" + tenant + ".example"))
        .noneMatch(e -> e.endsWith("@" + other + ".example"));
  }

  /**
   * The e-mail addresses in the table, read in one step so that an Ajax update cannot interfere.
   */
  @SuppressWarnings("unchecked")
  private static List<String> emails(Browser browser) {
    browser.byId("subscribers:table");
    return (List<String>)
        browser.script(
            "return Array.from(document.querySelectorAll(\"[id='subscribers:table_data'] .rb-email\"))"
                + ".map(e => e.textContent.trim());");
  }

  @Test
  void anEditorBuildsASegmentFromSelectsAndSeesItsCountLive() throws Exception {
    long newsletter = nordNewsletter("nord-editor");
    String name = "Leser " + UUID.randomUUID().toString().substring(0, 6);
    // other tests may add members to the demo list: what the database counts is what must show
    String onList = "{\"field\":\"list\",\"operator\":\"MEMBER\",\"value\":\"" + newsletter + "\"}";
    String annas = "{\"field\":\"email\",\"operator\":\"CONTAINS\",\"value\":\"anna.\"}";
    int subscribed = segmentCount("[" + onList + "]");
    int subscribedAnnas = segmentCount("[" + onList + "," + annas + "]");
    assertThat(subscribed).isGreaterThanOrEqualTo(100);
    assertThat(subscribedAnnas).isBetween(10, 20);
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      browser.go("segments/list.xhtml");
      browser.click("segments:add");
      browser.type("segmentForm:name", name);
      browser.script(
          "PF('widget_segmentForm_rule_0_field').selectValue('list:"
              + newsletter
              + "'); PF('widget_segmentForm_rule_0_field').triggerChange();");
      browser.until(
          driver ->
              browser.text("segmentForm:count").contains(subscribed + " subscribers match now"));
      browser.click("segmentForm:addRule");
      browser.until(driver -> browser.present("segmentForm:rule:1:value"));
      browser.type("segmentForm:rule:1:value", "anna.");
      browser.until(
          driver ->
              browser
                  .text("segmentForm:count")
                  .contains(subscribedAnnas + " subscribers match now"));
      browser.screenshot("segment-editor");
      browser.click("segmentForm:save");
      browser.until(driver -> browser.present("segments:table"));
      assertThat(browser.text("segments:table")).contains(name).contains("anna.");

      long segmentId =
          Api.as(base, "nord-editor").get("tenants/nord/segments").json().asJsonArray().stream()
              .map(jakarta.json.JsonValue::asJsonObject)
              .filter(segment -> segment.getString("name").equals(name))
              .findFirst()
              .orElseThrow()
              .getJsonNumber("id")
              .longValue();
      browser.go("subscribers/list.xhtml");
      browser.script(
          "PF('segmentFilter').selectValue('"
              + segmentId
              + "'); PF('segmentFilter').triggerChange();");
      browser.until(driver -> emails(browser).size() == subscribedAnnas);
      assertThat(emails(browser))
          .allSatisfy(email -> assertThat(email).startsWith("anna.").endsWith("@nord.example"));
    }
    assertThat(
            Api.as(base, "nord-editor").get("tenants/nord/segments").json().asJsonArray().stream()
                .map(segment -> segment.asJsonObject().getString("name"))
                .toList())
        .contains(name);
    assertThat(Api.as(base, "sued-editor").get("tenants/sued/segments").body())
        .doesNotContain(name);
  }

  @Test
  void theSegmentEditorRefusesToSaveARuleWithoutItsValueAndSaysSoAtTheRule() throws Exception {
    String name = "Unvollständig " + UUID.randomUUID().toString().substring(0, 6);
    try (Browser browser = Browser.openInGerman(base)) {
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      browser.go("segments/list.xhtml");
      browser.click("segments:add");
      browser.type("segmentForm:name", name);
      browser.until(driver -> browser.present("segmentForm:rule:0:value"));
      browser.click("segmentForm:save");
      browser.until(driver -> browser.present("segmentForm:rule:0:valueMessage"));
      browser.until(
          driver ->
              browser
                  .text("segmentForm:rule:0:valueMessage")
                  .contains("Geben Sie einen Wert ein, oder entfernen Sie die Regel."));
      assertThat(browser.text("segmentForm:problem"))
          .isEqualTo("Einige Regeln haben noch keinen Wert; nichts wurde gespeichert.");
      assertThat(Api.as(base, "nord-editor").get("tenants/nord/segments").body())
          .doesNotContain(name);

      browser.type("segmentForm:rule:0:value", "anna.");
      browser.click("segmentForm:save");
      browser.until(driver -> browser.present("segments:table"));
      assertThat(browser.text("segments:table"))
          .as("the rule in the viewer's words")
          .contains(name)
          .contains("E-Mail-Adresse enthält „anna.“");
    }
  }

  @Test
  void anEditorWritesPreviewsTestsAndSendsAMailingAndWatchesItGoOut() throws Exception {
    Api.as(base, "admin")
        .put("settings/ALLOWED_SENDER_DOMAINS", "{\"value\":\"nord.example\\nsued.example\"}");
    Api api = Api.as(base, "nord-editor");
    String listName = "Journey " + UUID.randomUUID().toString().substring(0, 6);
    long list =
        api.post(
                "tenants/nord/lists",
                "{\"name\":\""
                    + listName
                    + "\",\"visibility\":\"INTERNAL\",\"optInMode\":\"SINGLE\"}")
            .object()
            .getJsonNumber("id")
            .longValue();
    List<String> readers = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
      readers.add(email);
      long id =
          api.post(
                  "tenants/nord/subscribers", "{\"email\":\"" + email + "\",\"firstName\":\"Ada\"}")
              .object()
              .getJsonNumber("id")
              .longValue();
      api.post(
          "tenants/nord/lists/" + list + "/members",
          "{\"subscriberId\":" + id + ",\"legalBasis\":\"Signed form\"}");
    }
    String name = "Herbst " + UUID.randomUUID().toString().substring(0, 6);
    String tester =
        "journey-test-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      browser.go("mailings/list.xhtml");
      browser.click("mailings:add");
      browser.until(driver -> browser.present("mailing:name"));
      browser.type("mailing:name", name);
      browser.type("mailing:subject", "Neues für {{ firstName | Sie }}");
      browser.type("mailing:senderAddress", "newsletter@nord.example");
      browser.script(
          "document.querySelector(\"input[name='mailing:lists'][value='"
              + list
              + "']\").checked = true;");
      browser.click(By.cssSelector("#mailing\\:editor .ql-editor"));
      browser.driver().switchTo().activeElement().sendKeys("Hallo {{ firstName | Leserin }}");
      browser.click("mailing:save");
      browser.until(driver -> browser.present("cockpit:status"));
      browser.until(driver -> browser.present("previewFrame"));
      assertThat(browser.script("return document.getElementById('previewFrame').srcdoc").toString())
          .contains("Hallo Leserin")
          .contains("Abmelden");
      browser.click(By.xpath("//*[@id='preview:width']//*[contains(text(),'Mobile')]/.."));
      browser.until(
          driver ->
              browser.byId("preview:frame").getAttribute("class").contains("rb-preview-mobile"));
      browser.script("window.scrollTo(0, 0)");
      browser.screenshot("mailing-editor");

      browser.click("cockpit:openTest");
      browser.until(driver -> browser.byIdPresentAndShown("test:addresses"));
      browser.type("test:addresses", tester);
      browser.click("test:send");
      assertThat(Mailbox.waitForMessageTo(tester).getSubject()).isEqualTo("[Test] Neues für Sie");

      // a change not saved yet: the cockpit refuses to send rather than send the saved version
      browser.until(
          driver ->
              !browser.byIdPresentAndShown("test:addresses")
                  && browser.all(By.cssSelector(".ui-dialog-mask")).stream()
                      .noneMatch(org.openqa.selenium.WebElement::isDisplayed));
      String draft = browser.text("cockpit:status");
      browser.type("mailing:preheader", "Frisch aus dem Herbst");
      browser.click("cockpit:start");
      browser.confirmYes();
      browser.until(driver -> browser.byIdPresentAndShown("unsavedText"));
      assertThat(browser.text("cockpit:status")).isEqualTo(draft);
      browser.click("unsavedOk");
      browser.click("mailing:save");
      browser.until(
          driver ->
              browser
                  .script("return document.getElementById('previewFrame').srcdoc")
                  .toString()
                  .contains("Frisch aus dem Herbst"));

      browser.click("cockpit:start");
      browser.confirmYes();
      browser.until(
          driver -> browser.present("cockpit:sent") && browser.text("cockpit:sent").equals("3"));
      browser.until(driver -> browser.text("cockpit:status").equals("Sent"));
      browser.script("window.scrollTo(0, 0)");
      browser.screenshot("mailing-cockpit");
      assertThat(browser.text("recipients:table")).contains(readers.get(0)).contains("Sent");
      browser.click("statistics:refresh");
      browser.until(driver -> browser.text("statistics:sent").equals("3"));
      assertThat(browser.text("statistics:uniqueOpens")).isEqualTo("0");
      assertThat(browser.text("statistics:delivered")).isEqualTo("3");
      assertThat(browser.present("statistics:csv")).isTrue();
      assertThat(browser.present("mailing:save")).as("a sent mailing is read-only").isFalse();
    }
    for (String reader : readers) {
      assertThat(Mailbox.messagesTo(reader)).hasSize(1);
      assertThat(Mailbox.messagesTo(reader).get(0).getSubject()).isEqualTo("Neues für Ada");
    }
  }

  /**
   * A central administrator registers a feed and reads it on the screen; an editor opens the
   * content browser in the mailing editor, picks an item of the feed and saves it into the body.
   */
  @Test
  void aCentralAdministratorRegistersACmsFeedAndAnEditorInsertsItsItemsIntoAMailing()
      throws Exception {
    Api admin = Api.as(base, "admin");
    String source = "Gemeindeblatt " + UUID.randomUUID().toString().substring(0, 6);
    try (CmsTestServer cms = new CmsTestServer()) {
      admin.put("settings/CMS_ALLOWED_HOSTS", "{\"value\":\"127.0.0.1\"}");
      long sourceId;
      try (Browser browser = Browser.open(base)) {
        browser.signIn("admin", RundbriefServer.PASSWORD);
        browser.go("cms/sources.xhtml");
        browser.click("sources:add");
        browser.until(driver -> browser.byIdPresentAndShown("sourceForm:name"));
        browser.type("sourceForm:name", source);
        browser.type("sourceForm:url", cms.uri("/files/rss2.xml").toString());
        browser.click("sourceForm:save");
        browser.until(driver -> browser.text("sources:table").contains(source));
        WebElement row =
            browser.all(By.cssSelector("#sources\\:table tbody tr")).stream()
                .filter(r -> r.getText().contains(source))
                .findFirst()
                .orElseThrow();
        row.findElement(By.cssSelector("button[id$=':check']")).click();
        browser.until(
            driver ->
                browser.present("checked")
                    && browser.text("checked").contains("Straßenfest in München"));
        browser.screenshot("cms-sources");
        sourceId =
            admin.get("cms/sources").json().asJsonArray().stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals(source))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
      }

      admin.put("settings/ALLOWED_SENDER_DOMAINS", "{\"value\":\"nord.example\\nsued.example\"}");
      Api editor = Api.as(base, "nord-editor");
      Api.Response draft =
          editor.post(
              "tenants/nord/mailings",
              "{\"name\":\"CMS "
                  + UUID.randomUUID().toString().substring(0, 6)
                  + "\",\"subject\":\"Aus der Gemeinde\",\"language\":\"de\","
                  + "\"senderAddress\":\"newsletter@nord.example\","
                  + "\"htmlBody\":\"<p>Liebe Leser</p>\"}");
      assertThat(draft.status()).as(draft.body()).isEqualTo(201);
      long mailing = draft.object().getJsonNumber("id").longValue();
      try (Browser browser = Browser.open(base)) {
        browser.signIn("nord-editor", RundbriefServer.PASSWORD);
        browser.go("mailings/edit.xhtml?tenant=nord&id=" + mailing);
        browser.click("mailing:browseCms");
        browser.until(driver -> browser.byIdPresentAndShown("mailing:cmsSource"));
        browser.script(
            "PF('widget_mailing_cmsSource').selectValue('"
                + sourceId
                + "'); PF('widget_mailing_cmsSource').triggerChange();");
        browser.until(driver -> !browser.all(By.cssSelector(".rb-cms-item")).isEmpty());
        assertThat(browser.text("mailing:cmsBrowser")).contains("Straßenfest in München");
        browser.screenshot("cms-browser");
        browser
            .all(By.cssSelector(".rb-cms-item"))
            .get(0)
            .findElement(By.cssSelector(".ui-chkbox-box"))
            .click();
        browser.click("mailing:cmsInsert");
        browser.until(
            driver ->
                browser
                    .all(By.cssSelector("#mailing\\:editor .ql-editor"))
                    .get(0)
                    .getText()
                    .contains("Straßenfest in München"));
        browser.click("mailing:save");
        browser.until(
            driver ->
                editor
                    .get("tenants/nord/mailings/" + mailing)
                    .object()
                    .getString("htmlBody")
                    .contains("Straßenfest in München"));
      }
      String body = editor.get("tenants/nord/mailings/" + mailing).object().getString("htmlBody");
      assertThat(body).startsWith("<p>Liebe Leser</p>").contains("Weiterlesen");
    } finally {
      admin.delete("settings/CMS_ALLOWED_HOSTS");
    }
  }

  @Test
  void centralStaffCompareTenantsAndAnEditorSeesItsTenantsGrowth() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn("admin", RundbriefServer.PASSWORD);
      // central staff start in all tenants
      browser.go("statistics/overview.xhtml");
      browser.until(driver -> browser.present("statistics:tenants"));
      assertThat(browser.text("scope")).isEqualTo("All tenants");
      assertThat(browser.text("statistics:tenants"))
          .contains("Tochter Nord")
          .contains("Tochter Süd");
      browser.screenshot("statistics-tenants");
      String days = "return PF('widget_statistics_growth').chart.data.labels.length";
      assertThat(browser.text("statistics:days_label")).isEqualTo("Last 30 days");
      assertThat(browser.script(days)).isEqualTo(30L);
      browser.script(
          "PF('widget_statistics_days').selectValue('7');"
              + " PF('widget_statistics_days').triggerChange();");
      browser.until(
          driver ->
              browser.text("statistics:days_label").equals("Last 7 days")
                  && Long.valueOf(7).equals(browser.script(days)));
    }
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      browser.go("statistics/overview.xhtml");
      browser.until(driver -> browser.present("statistics:growth"));
      assertThat(browser.present("statistics:tenants")).isFalse();
      assertThat(browser.text("scope")).isEqualTo("Tochter Nord GmbH");
    }
  }

  @Test
  void aTenantAdministratorIssuesAnApiKeySeenOnceAndRevokesIt() throws Exception {
    String name = "Website " + UUID.randomUUID().toString().substring(0, 6);
    String key;
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-admin", RundbriefServer.PASSWORD);
      browser.go("apikeys/list.xhtml");
      browser.click("keys:add");
      browser.until(driver -> browser.byIdPresentAndShown("issueForm:name"));
      browser.type("issueForm:name", name);
      browser.click("issueForm:issue");
      browser.until(driver -> browser.present("issueForm:issued"));
      key = browser.byId("issueForm:issued").getAttribute("value");
      assertThat(key).startsWith("rbk_nord_");
      assertThat(Api.withKey(base, key).get("tenants/nord/mailings").status()).isEqualTo(200);
      browser.click("issueForm:done");
      browser.until(driver -> browser.text("keys:table").contains(name));
      assertThat(browser.pageText()).doesNotContain(key);

      WebElement row =
          browser.all(By.cssSelector("#keys\\:table tbody tr")).stream()
              .filter(r -> r.getText().contains(name))
              .findFirst()
              .orElseThrow();
      row.findElement(By.cssSelector("button[id$=':revoke']")).click();
      browser.confirmYes();
      browser.until(
          driver ->
              browser.all(By.cssSelector("#keys\\:table tbody tr")).stream()
                  .anyMatch(r -> r.getText().contains(name) && r.getText().contains("Revoked")));
    }
    assertThat(Api.withKey(base, key).get("tenants/nord/mailings").status()).isEqualTo(401);

    try (Browser editor = Browser.open(base)) {
      editor.signIn("nord-editor", RundbriefServer.PASSWORD);
      editor.go("apikeys/list.xhtml");
      assertThat(editor.present("keys:add")).as("editors do not issue keys").isFalse();
    }
  }

  @Test
  void anEditorImportsACsvFileWithMappingPreviewAndProgress() throws Exception {
    long newsletter = nordNewsletter("nord-editor");
    String address = "imported-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    java.nio.file.Path file = java.nio.file.Files.createTempFile("import-", ".csv");
    java.nio.file.Files.writeString(
        file, "E-Mail;Vorname;Nachname\r\n" + address + ";Ida;Import\r\nnot-an-address;X;Y\r\n");
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      browser.go("lists/import.xhtml?tenant=nord&list=" + newsletter);
      assertThat(browser.text("listName")).isEqualTo("Newsletter");
      By fileInput = By.cssSelector("#upload input[type=file]");
      browser.until(driver -> !driver.findElements(fileInput).isEmpty());
      browser.driver().findElement(fileInput).sendKeys(file.toString());
      browser.until(driver -> browser.present("upload:preview"));
      assertThat(browser.text("upload:preview")).contains(address).contains("not-an-address");
      browser.type("upload:legalBasis", "Signed forms of the trade fair");
      browser.click("upload:start");
      browser.until(
          driver ->
              browser.path().endsWith("/lists/import.xhtml") && browser.present("progress:state"));
      browser.until(driver -> browser.text("progress:state").equals("Done"));
      assertThat(browser.text("progress:imported")).isEqualTo("1");
      assertThat(browser.text("progress:problems")).isEqualTo("1");
      assertThat(browser.present("progress:download")).isTrue();
      browser.screenshot("import-done");
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
    assertThat(
            Api.as(base, "nord-editor")
                .get("tenants/nord/subscribers?q=" + address)
                .object()
                .getInt("total"))
        .isEqualTo(1);

    // the lists screen's export holds the subscribers who receive the list, no one who said no
    Api editor = Api.as(base, "nord-editor");
    String pending = "pending-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    String left = "left-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    for (String member : List.of(pending, left)) {
      long id =
          editor
              .post("tenants/nord/subscribers", "{\"email\":\"" + member + "\"}")
              .object()
              .getJsonNumber("id")
              .longValue();
      editor.post(
          "tenants/nord/lists/" + newsletter + "/members",
          "{\"subscriberId\":"
              + id
              + (member.equals(left) ? ",\"legalBasis\":\"Contract\"}" : "}"));
      if (member.equals(left)) {
        assertThat(editor.delete("tenants/nord/lists/" + newsletter + "/members/" + id).status())
            .isEqualTo(204);
      }
    }
    try (Browser browser = Browser.open(base)) {
      browser.signIn("nord-editor", RundbriefServer.PASSWORD);
      browser.go("lists/list.xhtml?tenant=nord");
      String csv =
          (String)
              ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                  .executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + "const row = [...document.querySelectorAll('tr')].find(r =>"
                          + " r.querySelector('a[href$=\"list=' + arguments[0] + '\"]'));"
                          + "const button = row.querySelector('button[id$=\":export\"]');"
                          + "const form = document.getElementById('lists');"
                          + "const data = new URLSearchParams(new FormData(form));"
                          + "data.append(button.name, '');"
                          + "fetch(form.action, {method: 'POST', body: data})"
                          + ".then(r => r.text()).then(done, e => done('failed: ' + e));",
                      newsletter);
      List<String> rows = csv.lines().toList();
      assertThat(rows.get(0)).isEqualTo("email;firstName;lastName;status;createdAt;subscribedAt");
      assertThat(csv).contains(address).doesNotContain(pending).doesNotContain(left);
      assertThat(rows.subList(1, rows.size()))
          .isNotEmpty()
          .allSatisfy(row -> assertThat(row.split(";")[3]).isEqualTo("SUBSCRIBED"));
    }
    try (Browser browser = Browser.open(base)) {
      browser.signIn("sued-editor", RundbriefServer.PASSWORD);
      browser.go("lists/import.xhtml?tenant=nord&list=" + newsletter);
      assertThat(browser.driver().getPageSource()).doesNotContain("Newsletter");
      browser.go("lists/import.xhtml?tenant=sued&list=" + newsletter);
      assertThat(browser.driver().getPageSource())
          .as("nord's list id under sued's key")
          .doesNotContain("Newsletter");
    }
  }

  /** The id of the demo tenant nord's list "Newsletter", as the user reads it. */
  private long nordNewsletter(String user) {
    return Api.as(base, user).get("tenants/nord/lists").json().asJsonArray().stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(list -> list.getString("name").equals("Newsletter"))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private int segmentCount(String rules) {
    return Api.as(base, "nord-editor")
        .post("tenants/nord/segments/count", "{\"match\":\"ALL\",\"rules\":" + rules + "}")
        .object()
        .getInt("count");
  }
}
