package de.rundbrief.domain.tracking;

import static de.rundbrief.domain.tracking.TrackingKind.CLICK;
import static de.rundbrief.domain.tracking.TrackingKind.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MachineRulesTest {

  private static final String FIREFOX =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";
  private static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/124.0.0.0 Safari/537.36";
  private static final String SAFARI =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
          + " Version/17.4 Safari/605.1.15";
  private static final String GMAIL_PROXY =
      "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
  private static final String OUTLOOK =
      "Microsoft Outlook 16.0.17425; Microsoft Outlook 16.0.17425; ms-office; MSOffice 16";
  private static final String OUTLOOK_OLD = "Mozilla/4.0 (compatible; ms-office; MSOffice 16)";
  private static final String CUBOT_PHONE =
      "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/124.0.0.0 Mobile Safari/537.36";

  private static final String IP = "203.0.113.77";
  private static final Duration LATER = Duration.ofMinutes(5);

  @ParameterizedTest
  @ValueSource(strings = {FIREFOX, CHROME, SAFARI, CUBOT_PHONE})
  void aBrowserClickingAfterFiveMinutesIsHuman(String userAgent) {
    assertThat(MachineRules.isMachine(CLICK, "GET", userAgent, IP, LATER)).isFalse();
  }

  @Test
  void gmailsImageProxyOpeningIsHuman() {
    assertThat(MachineRules.isMachine(OPEN, "GET", GMAIL_PROXY, "66.249.84.1", LATER)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {OUTLOOK, OUTLOOK_OLD})
  void outlookOpeningIsHuman(String userAgent) {
    assertThat(MachineRules.isMachine(OPEN, "GET", userAgent, IP, LATER)).isFalse();
  }

  @Test
  void anUnknownTimeSinceSendingDecidesNothing() {
    assertThat(MachineRules.isMachine(CLICK, "GET", FIREFOX, IP, null)).isFalse();
    assertThat(MachineRules.isMachine(OPEN, "GET", FIREFOX, null, null)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(TrackingKind.class)
  void aHeadRequestIsAMachine(TrackingKind kind) {
    assertThat(MachineRules.isMachine(kind, "HEAD", FIREFOX, IP, LATER)).isTrue();
    assertThat(MachineRules.isMachine(kind, "head", FIREFOX, IP, LATER)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(TrackingKind.class)
  void aMissingOrEmptyUserAgentIsAMachine(TrackingKind kind) {
    assertThat(MachineRules.isMachine(kind, "GET", null, IP, LATER)).isTrue();
    assertThat(MachineRules.isMachine(kind, "GET", "", IP, LATER)).isTrue();
    assertThat(MachineRules.isMachine(kind, "GET", "  ", IP, LATER)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0)",
        "Sogou web spider/4.0",
        "SomeCrawler/1.0",
        "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b",
        "Mozilla/5.0 SkypeUriPreview Preview/0.5",
        "Link Scanner 2.0",
        "python-requests/2.31.0",
        "Python-urllib/3.11",
        "curl/8.5.0",
        "Wget/1.21.4",
        "Go-http-client/1.1",
        "Java/17.0.10",
        "okhttp/4.12.0",
        "Apache-HttpClient/4.5.14 (Java/17.0.10)",
        "libwww-perl/6.72",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " HeadlessChrome/124.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko)"
            + " PhantomJS/2.1.1 Safari/538.1",
        "Barracuda Sentinel (EE)",
        "Mimecast URL Protect",
        "Proofpoint URL Defense",
        "Symantec Email Security",
        "TrendMicro InterScan",
        "MessageLabs LinkCheck",
        "Microsoft Office Protocol Discovery",
        "Microsoft Office Existence Discovery"
      })
  void aKnownMachineUserAgentIsAMachine(String userAgent) {
    assertThat(MachineRules.isMachine(CLICK, "GET", userAgent, IP, LATER)).isTrue();
    assertThat(MachineRules.isMachine(OPEN, "GET", userAgent, IP, LATER)).isTrue();
  }

  @Test
  void aCubotPhoneIsStillAMachineWhenItsUserAgentSaysHeadlessChrome() {
    assertThat(MachineRules.isMachine(CLICK, "GET", CUBOT_PHONE + " HeadlessChrome", IP, LATER))
        .isTrue();
    assertThat(MachineRules.isMachine(CLICK, "GET", CUBOT_PHONE + " Googlebot/2.1", IP, LATER))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"17.0.0.1", "17.58.101.7", "17.255.255.255", "::ffff:17.58.101.7"})
  void anOpenFromApplesNetworkIsAppleMailPrivacyProtection(String ip) {
    assertThat(MachineRules.isMachine(OPEN, "GET", SAFARI, ip, LATER)).isTrue();
  }

  @Test
  void aClickFromApplesNetworkIsHuman() {
    assertThat(MachineRules.isMachine(CLICK, "GET", SAFARI, "17.58.101.7", LATER)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"16.255.255.255", "18.0.0.0", "117.0.0.1", "2001:db8::17"})
  void anOpenFromOutsideApplesNetworkIsHuman(String ip) {
    assertThat(MachineRules.isMachine(OPEN, "GET", SAFARI, ip, LATER)).isFalse();
  }

  @Test
  void anOpenWithTheBareMozillaUserAgentIsAppleMailPrivacyProtection() {
    assertThat(MachineRules.isMachine(OPEN, "GET", "Mozilla/5.0", IP, LATER)).isTrue();
    assertThat(MachineRules.isMachine(CLICK, "GET", "Mozilla/5.0", IP, LATER)).isFalse();
  }

  @Test
  void aClickWithinTenSecondsOfSendingIsAScanner() {
    assertThat(MachineRules.isMachine(CLICK, "GET", CHROME, IP, Duration.ZERO)).isTrue();
    assertThat(MachineRules.isMachine(CLICK, "GET", CHROME, IP, Duration.ofMillis(9_999))).isTrue();
    assertThat(MachineRules.isMachine(CLICK, "GET", CHROME, IP, Duration.ofSeconds(-3))).isTrue();
    assertThat(MachineRules.isMachine(CLICK, "GET", CHROME, IP, Duration.ofSeconds(10))).isFalse();
    assertThat(MachineRules.isMachine(CLICK, "GET", CHROME, IP, Duration.ofSeconds(11))).isFalse();
  }

  @Test
  void anOpenWithinTwoSecondsOfSendingIsAMachine() {
    assertThat(MachineRules.isMachine(OPEN, "GET", OUTLOOK, IP, Duration.ofMillis(1_999))).isTrue();
    assertThat(MachineRules.isMachine(OPEN, "GET", OUTLOOK, IP, Duration.ofSeconds(2))).isFalse();
    assertThat(MachineRules.isMachine(OPEN, "GET", OUTLOOK, IP, Duration.ofSeconds(5))).isFalse();
  }
}
