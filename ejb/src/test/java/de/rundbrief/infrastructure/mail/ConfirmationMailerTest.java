package de.rundbrief.infrastructure.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.rundbrief.domain.consent.ConfirmationRequested;
import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The confirmation mail as a real SMTP server on loopback receives it. */
class ConfirmationMailerTest {

  private GreenMail smtp;
  private ConfirmationMailer mailer;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", "127.0.0.1");
    properties.setProperty("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    properties.setProperty("mail.from", "newsletter@rundbrief.example");
    mailer = new ConfirmationMailer(Session.getInstance(properties));
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void theMailComesFromTheTenantAndCarriesTheLinkInBothParts() throws Exception {
    send(
        new ConfirmationRequested(
            TenantKey.of("nord"),
            "Tochter Nord GmbH",
            "Neuigkeiten",
            EmailAddress.of("anna@nord.example"),
            "Anna Ä. Berg",
            "https://news.example/confirm.xhtml?token=abc_DEF-123",
            Locale.GERMAN));

    MimeMessage mail = smtp.getReceivedMessages()[0];
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("newsletter@rundbrief.example");
    assertThat(from.getPersonal()).isEqualTo("Tochter Nord GmbH");
    assertThat(((InternetAddress) mail.getAllRecipients()[0]).getPersonal())
        .isEqualTo("Anna Ä. Berg");
    assertThat(mail.getSubject()).isEqualTo("Bitte bestätigen: Neuigkeiten");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat((String) parts.getBodyPart(0).getContent())
        .contains("https://news.example/confirm.xhtml?token=abc_DEF-123")
        .contains("„Neuigkeiten“");
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("href=\"https://news.example/confirm.xhtml?token=abc_DEF-123\"");
  }

  @Test
  void lineBreaksInNamesCannotAddHeaders() throws Exception {
    send(
        new ConfirmationRequested(
            TenantKey.of("nord"),
            "Nord\r\nBcc: victim@elsewhere.example",
            "News\r\nX-Injected: yes",
            EmailAddress.of("anna@nord.example"),
            "Anna\r\nBcc: other@elsewhere.example",
            "https://news.example/confirm.xhtml?token=t",
            Locale.ENGLISH));

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(mail.getHeader("X-Injected")).isNull();
    assertThat(mail.getHeader("Bcc")).isNull();
    assertThat(mail.getAllRecipients()).hasSize(1);
    assertThat(mail.getSubject()).isEqualTo("Please confirm: News X-Injected: yes");
    assertThat(GreenMailUtil.getHeaders(mail)).doesNotContain("\nBcc:");
  }

  @Test
  void htmlInNamesIsShownAsText() throws Exception {
    send(
        new ConfirmationRequested(
            TenantKey.of("nord"),
            "<b>Nord</b>",
            "<script>alert(1)</script>",
            EmailAddress.of("anna@nord.example"),
            null,
            "https://news.example/confirm.xhtml?token=t",
            Locale.ENGLISH));

    MimeMultipart parts = (MimeMultipart) smtp.getReceivedMessages()[0].getContent();
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;b&gt;Nord&lt;/b&gt;")
        .doesNotContain("<script>");
  }

  @Test
  void theTenantsSettingsGiveSenderReplyToSubjectTextAndImprint() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", "127.0.0.1");
    properties.setProperty("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    properties.setProperty("mail.from", "newsletter@rundbrief.example");
    EffectiveSettings nord =
        EffectiveSettings.resolve(
            Map.of(),
            Map.of(SettingKey.ALLOWED_SENDER_DOMAINS, "nord.example"),
            Set.of(
                SettingKey.SENDER_NAME,
                SettingKey.SENDER_ADDRESS,
                SettingKey.REPLY_TO,
                SettingKey.OPT_IN_SUBJECT,
                SettingKey.OPT_IN_TEXT,
                SettingKey.IMPRINT_HTML),
            Map.of(
                SettingKey.SENDER_NAME, "Nord Newsroom",
                SettingKey.SENDER_ADDRESS, "news@nord.example",
                SettingKey.REPLY_TO, "redaktion@nord.example",
                SettingKey.OPT_IN_SUBJECT, "{list}: one more step",
                SettingKey.OPT_IN_TEXT,
                    "Dear reader of {tenant} & co,\n\nplease click {link}\nThanks.",
                SettingKey.IMPRINT_HTML, "<p>Tochter Nord GmbH, Hafenstra\u00dfe 1</p>"));
    mailer = new ConfirmationMailer(Session.getInstance(properties), fixed(nord));

    send(
        new ConfirmationRequested(
            TenantKey.of("nord"),
            "Tochter Nord GmbH",
            "Neuigkeiten",
            EmailAddress.of("anna@nord.example"),
            null,
            "https://news.example/confirm.xhtml?token=abc",
            Locale.GERMAN));

    MimeMessage mail = smtp.getReceivedMessages()[0];
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("news@nord.example");
    assertThat(from.getPersonal()).isEqualTo("Nord Newsroom");
    assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress())
        .isEqualTo("redaktion@nord.example");
    assertThat(mail.getSubject()).isEqualTo("Neuigkeiten: one more step");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
        .isEqualTo(
            "Dear reader of Tochter Nord GmbH & co,\n\n"
                + "please click https://news.example/confirm.xhtml?token=abc\nThanks.");
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("<p>Dear reader of Tochter Nord GmbH &amp; co,</p>")
        .contains(
            "please click <a href=\"https://news.example/confirm.xhtml?token=abc\">"
                + "https://news.example/confirm.xhtml?token=abc</a><br/>Thanks.")
        .contains("<p>Tochter Nord GmbH, Hafenstra\u00dfe 1</p>");
  }

  @Test
  void aSenderAddressOutsideTheAllowedDomainsFallsBackToTheMailSession() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", "127.0.0.1");
    properties.setProperty("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    properties.setProperty("mail.from", "newsletter@rundbrief.example");
    EffectiveSettings nord =
        EffectiveSettings.resolve(
            Map.of(),
            Map.of(
                SettingKey.ALLOWED_SENDER_DOMAINS, "sued.example",
                SettingKey.SENDER_ADDRESS, "news@nord.example"),
            Set.of(),
            Map.of());
    mailer = new ConfirmationMailer(Session.getInstance(properties), fixed(nord));

    send(
        new ConfirmationRequested(
            TenantKey.of("nord"),
            "Tochter Nord GmbH",
            "Neuigkeiten",
            EmailAddress.of("anna@nord.example"),
            null,
            "https://news.example/confirm.xhtml?token=abc",
            Locale.ENGLISH));

    MimeMessage mail = smtp.getReceivedMessages()[0];
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("newsletter@rundbrief.example");
    assertThat(from.getPersonal()).isEqualTo("Tochter Nord GmbH");
    assertThat(mail.getSubject()).isEqualTo("Please confirm: Neuigkeiten");
  }

  private static Settings fixed(EffectiveSettings values) {
    return new Settings() {
      @Override
      public EffectiveSettings global() {
        return values;
      }

      @Override
      public EffectiveSettings of(TenantKey tenant) {
        return values;
      }
    };
  }

  private void send(ConfirmationRequested request) throws Exception {
    Transport.send(mailer.compose(request));
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
  }
}
