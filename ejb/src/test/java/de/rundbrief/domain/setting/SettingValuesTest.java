package de.rundbrief.domain.setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingValuesTest {

  @Test
  void aBlankValueMeansNotSet() {
    assertThat(SettingValues.normalise(SettingKey.SENDER_NAME, null)).isNull();
    assertThat(SettingValues.normalise(SettingKey.SENDER_NAME, "  \n ")).isNull();
  }

  @Test
  void aOneLineTextIsStrippedAndRefusesLineBreaks() {
    assertThat(SettingValues.normalise(SettingKey.SENDER_NAME, "  Nord News  "))
        .isEqualTo("Nord News");
    assertThatThrownBy(
            () -> SettingValues.normalise(SettingKey.SENDER_NAME, "Nord\nBcc: x@evil.example"))
        .isInstanceOf(InvalidSettingValueException.class)
        .hasMessageContaining("one line");
    assertThatThrownBy(() -> SettingValues.normalise(SettingKey.OPT_IN_SUBJECT, "a\u0007b"))
        .isInstanceOf(InvalidSettingValueException.class);
    assertThatThrownBy(() -> SettingValues.normalise(SettingKey.SENDER_NAME, "x".repeat(501)))
        .isInstanceOf(InvalidSettingValueException.class);
  }

  @Test
  void anEmailAddressIsNormalisedOrRefused() {
    assertThat(SettingValues.normalise(SettingKey.SENDER_ADDRESS, " News@Nord.Example "))
        .isEqualTo("news@nord.example");
    assertThatThrownBy(() -> SettingValues.normalise(SettingKey.REPLY_TO, "not an address"))
        .isInstanceOf(InvalidSettingValueException.class)
        .extracting(e -> ((InvalidSettingValueException) e).getKey())
        .isEqualTo(SettingKey.REPLY_TO);
  }

  @Test
  void aUrlMustBeAbsoluteHttpOrHttps() {
    assertThat(
            SettingValues.normalise(
                SettingKey.PRIVACY_POLICY_URL, "https://nord.example/datenschutz?x=1"))
        .isEqualTo("https://nord.example/datenschutz?x=1");
    assertThat(SettingValues.normalise(SettingKey.PUBLIC_BASE_URL, "https://news.example.com//"))
        .isEqualTo("https://news.example.com");
    for (String bad :
        new String[] {
          "javascript:alert(1)",
          "ftp://nord.example/x",
          "/relative/path",
          "https://user:pw@nord.example/",
          "https://nord example/",
          "data:text/html,<b>x</b>"
        }) {
      assertThatThrownBy(() -> SettingValues.normalise(SettingKey.BRANDING_LOGO_URL, bad))
          .as(bad)
          .isInstanceOf(InvalidSettingValueException.class);
    }
    assertThatThrownBy(
            () -> SettingValues.normalise(SettingKey.PUBLIC_BASE_URL, "https://news.example/?a=b"))
        .isInstanceOf(InvalidSettingValueException.class);
  }

  @Test
  void aNumberIsAWholeNumberOfAtLeastZero() {
    assertThat(SettingValues.normalise(SettingKey.RETENTION_UNCONFIRMED_DAYS, "007"))
        .isEqualTo("7");
    assertThat(SettingValues.normalise(SettingKey.SENDING_PER_SECOND, "0")).isEqualTo("0");
    for (String bad : new String[] {"-1", "1.5", "ten", "12345678901", "+3"}) {
      assertThatThrownBy(() -> SettingValues.normalise(SettingKey.SENDING_PER_HOUR, bad))
          .as(bad)
          .isInstanceOf(InvalidSettingValueException.class);
    }
  }

  @Test
  void aColourIsHashAndSixHexDigits() {
    assertThat(SettingValues.normalise(SettingKey.BRANDING_COLOR, "#1F5F8B")).isEqualTo("#1f5f8b");
    for (String bad : new String[] {"1f5f8b", "#fff", "#12345g", "red", "#1f5f8b;x:y"}) {
      assertThatThrownBy(() -> SettingValues.normalise(SettingKey.BRANDING_COLOR, bad))
          .as(bad)
          .isInstanceOf(InvalidSettingValueException.class);
    }
  }

  @Test
  void domainsAreOnePerLineLowerCaseWithoutDuplicates() {
    assertThat(
            SettingValues.normalise(
                SettingKey.ALLOWED_SENDER_DOMAINS,
                "Nord.Example\r\nsued.example, mail.nord.example\n\nnord.example"))
        .isEqualTo("nord.example\nsued.example\nmail.nord.example");
    assertThat(SettingValues.normalise(SettingKey.ALLOWED_SENDER_DOMAINS, "büro.example"))
        .isEqualTo("xn--bro-hoa.example");
    for (String bad : new String[] {"localhost", "-nord.example", "nord..example", "a@b.example"}) {
      assertThatThrownBy(() -> SettingValues.normalise(SettingKey.ALLOWED_SENDER_DOMAINS, bad))
          .as(bad)
          .isInstanceOf(InvalidSettingValueException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>Imprint</p><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<p onclick = \"x()\">x</p>",
        "<style>body{display:none}</style>",
        "<iframe src=\"https://evil.example\"></iframe>"
      })
  void htmlWithScriptingIsRefused(String html) {
    assertThatThrownBy(() -> SettingValues.normalise(SettingKey.IMPRINT_HTML, html))
        .isInstanceOf(InvalidSettingValueException.class)
        .hasMessageContaining("no scripts");
  }

  @Test
  void htmlKeepsFormattingAndLinksAndLosesTheRest() {
    String html =
        SettingValues.normalise(
            SettingKey.IMPRINT_HTML,
            "<p>Tochter <b>Nord</b> GmbH<br>"
                + "<a href=\"https://nord.example/impressum\">Impressum</a></p>"
                + "<form action=\"x\"><input name=\"y\"></form>");
    // the sanitiser writes the two rel values in no fixed order
    assertThat(html.replace("rel=\"nofollow noopener\"", "rel=\"noopener nofollow\""))
        .isEqualTo(
            "<p>Tochter <b>Nord</b> GmbH<br />"
                + "<a href=\"https://nord.example/impressum\" rel=\"noopener nofollow\">"
                + "Impressum</a></p>");
  }

  @Test
  void theOptInTextMustSayWhereTheLinkGoes() {
    assertThat(SettingValues.normalise(SettingKey.OPT_IN_TEXT, "Hello\r\n\r\nClick {link}\r\n"))
        .isEqualTo("Hello\n\nClick {link}");
    assertThatThrownBy(() -> SettingValues.normalise(SettingKey.OPT_IN_TEXT, "Hello, click here"))
        .isInstanceOf(InvalidSettingValueException.class)
        .hasMessageContaining("{link}");
  }

  @Test
  void aChoiceIsOneOfItsValuesInAnyCase() {
    assertThat(SettingValues.normalise(SettingKey.TRACKING, " anonymous ")).isEqualTo("ANONYMOUS");
    assertThat(SettingValues.normalise(SettingKey.TRACKING_IP, "None")).isEqualTo("NONE");
    assertThatThrownBy(() -> SettingValues.normalise(SettingKey.TRACKING, "sometimes"))
        .isInstanceOf(InvalidSettingValueException.class)
        .hasMessageContaining("PERSONAL, ANONYMOUS, OFF");
  }

  @Test
  void hostsAreNamesOrIpAddressesOnePerLine() {
    assertThat(
            SettingValues.normalise(
                SettingKey.CMS_ALLOWED_HOSTS, "CMS.Intranet\n10.1.2.3, [::1] localhost"))
        .isEqualTo("cms.intranet\n10.1.2.3\n::1\nlocalhost");
    for (String bad : new String[] {"http://cms.example", "cms_intranet", "300.1.2.3", "a..b"}) {
      assertThatThrownBy(() -> SettingValues.normalise(SettingKey.CMS_ALLOWED_HOSTS, bad))
          .as(bad)
          .isInstanceOf(InvalidSettingValueException.class);
    }
  }
}
