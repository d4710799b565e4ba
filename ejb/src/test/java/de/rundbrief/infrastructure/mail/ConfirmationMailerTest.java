package de.rundbrief.infrastructure.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.rundbrief.domain.consent.ConfirmationRequested;
import de.rundbrief.domain.subscriber.EmailAddress;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Locale;
import java.util.Properties;
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

  private void send(ConfirmationRequested request) throws Exception {
    Transport.send(mailer.compose(request));
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
  }
}
