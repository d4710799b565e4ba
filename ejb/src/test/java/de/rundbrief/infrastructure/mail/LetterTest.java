package de.rundbrief.infrastructure.mail;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.mailing.SenderIdentity;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.html.OwaspMailHtml;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

class LetterTest {

  private static final Letter.Content CONTENT =
      new Letter.Content(
          TenantKey.of("nord"),
          4711,
          "Tochter Nord GmbH",
          "Neues für {{ firstName | Sie }}",
          "Kurz: {{ firstName }}",
          new SenderIdentity(null, "news@nord.example"),
          "antwort@nord.example",
          "en",
          "<p>Hallo {{ firstName | Leserin }}, {{ field.company | - }}</p>".repeat(120),
          "Hallo {{ firstName | Leserin }}",
          "<p>Tochter Nord GmbH &amp; Co. KG</p>");

  private final Letter letter = new Letter(CONTENT, new OwaspMailHtml());

  private final Letter.Personal ada =
      new Letter.Personal(
          815,
          "ada@example.org",
          Map.of("firstName", "Ada <b>", "field.company", "ACME")::get,
          "https://news.example.com/unsubscribe.xhtml?token=abc",
          "https://news.example.com/api/v1/public/unsubscribe/abc");

  @Test
  void aPersonalMessageWithItsOwnHeaders() throws Exception {
    MimeMessage message =
        letter.compose(
            Session.getInstance(new Properties()), ada, "bounces+x@news.example.com", false);

    assertThat(message.getSubject()).isEqualTo("Neues für Ada <b>");
    assertThat(message.getFrom()[0].toString()).isEqualTo("Tochter Nord GmbH <news@nord.example>");
    assertThat(message.getReplyTo()[0].toString()).isEqualTo("antwort@nord.example");
    assertThat(message.getMessageID()).isEqualTo("<rb.nord.4711.815@nord.example>");
    assertThat(message.getHeader("List-Unsubscribe"))
        .containsExactly("<https://news.example.com/api/v1/public/unsubscribe/abc>");
    assertThat(message.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    assertThat(((SMTPMessage) message).getEnvelopeFrom()).isEqualTo("bounces+x@news.example.com");
    MimeMultipart alternative = (MimeMultipart) message.getContent();
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    String text = (String) alternative.getBodyPart(0).getContent();
    assertThat(text)
        .startsWith("Hallo Ada <b>")
        .contains("Tochter Nord GmbH & Co. KG")
        .contains("Unsubscribe: https://news.example.com/unsubscribe.xhtml?token=abc");
  }

  @Test
  void asEightBitMimeTheSameMessageInOnePiece() throws Exception {
    MimeMessage composed =
        letter.compose(
            Session.getInstance(new Properties()), ada, "bounces+x@news.example.com", true);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    composed.writeTo(bytes);

    MimeMessage parsed =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new java.io.ByteArrayInputStream(bytes.toByteArray()));
    assertThat(((SMTPMessage) composed).getMailExtension()).isEqualTo("BODY=8BITMIME");
    assertThat(((SMTPMessage) composed).getEnvelopeFrom()).isEqualTo("bounces+x@news.example.com");
    assertThat(parsed.getSubject()).isEqualTo("Neues für Ada <b>");
    assertThat(parsed.getFrom()[0].toString()).isEqualTo("Tochter Nord GmbH <news@nord.example>");
    assertThat(parsed.getReplyTo()[0].toString()).isEqualTo("antwort@nord.example");
    assertThat(parsed.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString())
        .isEqualTo("ada@example.org");
    assertThat(composed.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("ada@example.org");
    assertThat(parsed.getMessageID()).isEqualTo("<rb.nord.4711.815@nord.example>");
    assertThat(parsed.getHeader("List-Unsubscribe"))
        .containsExactly("<https://news.example.com/api/v1/public/unsubscribe/abc>");
    assertThat(parsed.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    MimeMultipart alternative = (MimeMultipart) parsed.getContent();
    assertThat(alternative.getBodyPart(0).getContent().toString())
        .startsWith("Hallo Ada <b>")
        .contains("Unsubscribe: https://news.example.com/unsubscribe.xhtml?token=abc");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(alternative.getBodyPart(1).getContent().toString())
        .contains("Hallo Ada &lt;b&gt;, ACME");
    assertThat(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("\r\r")
        .doesNotContainPattern("[^\r]\n");
  }

  @Test
  void aTestSendGetsAMessageIdOfItsOwn() throws Exception {
    Letter.Personal test =
        new Letter.Personal(
            0, "t@example.org", n -> null, "https://x.example/u", "https://x.example/o");
    Session session = Session.getInstance(new Properties());

    String first = letter.compose(session, test, "b@x.example", false).getMessageID();
    String second = letter.compose(session, test, "b@x.example", false).getMessageID();

    assertThat(first).startsWith("<rb.nord.4711.test.").isNotEqualTo(second);
  }

  @Test
  void valuesAreEscapedInTheHtmlAndTheFooterIsAdded() {
    String html = letter.html(ada);

    assertThat(html)
        .contains("Hallo Ada &lt;b&gt;, ACME")
        .doesNotContain("Ada <b>")
        .contains("display:none")
        .contains("Kurz: Ada &lt;b&gt;")
        .contains("<p>Tochter Nord GmbH &amp; Co. KG</p>")
        .contains("because you subscribed to the newsletter of Tochter Nord GmbH")
        .contains("href=\"https://news.example.com/unsubscribe.xhtml?token=abc\"");
  }

  @Test
  void thePreheaderIsPlainTextItsOwnWordsEscapedAsMuchAsWhatIsFilledIn() {
    Letter.Content content =
        new Letter.Content(
            CONTENT.tenant(),
            CONTENT.mailingId(),
            CONTENT.tenantName(),
            CONTENT.subject(),
            "Preise < 10 € & mehr</div><form action=\"https://evil.example\"><script>x()</script>"
                + " {{ firstName | <b>Sie</b> }}",
            CONTENT.sender(),
            CONTENT.replyTo(),
            CONTENT.language(),
            CONTENT.htmlBody(),
            CONTENT.textBody(),
            CONTENT.imprintHtml());
    Letter.Personal nobody =
        new Letter.Personal(
            1, "x@example.org", key -> null, "https://u.example", "https://o.example");

    String html = new Letter(content, new OwaspMailHtml()).html(nobody);

    assertThat(html)
        .contains(
            "Preise &lt; 10 € &amp; mehr&lt;/div&gt;&lt;form action=&quot;https://evil.example&quot;&gt;"
                + "&lt;script&gt;x()&lt;/script&gt; &lt;b&gt;Sie&lt;/b&gt;</div>")
        .doesNotContain("<form")
        .doesNotContain("<script")
        .doesNotContain("<b>Sie");
  }

  @Test
  void asEightBitMimeEveryLineIsShortAndTheHtmlReadsTheSame() throws Exception {
    MimeMessage composed =
        letter.compose(
            Session.getInstance(new Properties()), ada, "bounces+x@news.example.com", true);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    composed.writeTo(bytes);
    String raw = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(Arrays.stream(raw.split("\r\n")).mapToInt(String::length).max().orElseThrow())
        .isLessThan(400);
    MimeMultipart alternative =
        (MimeMultipart)
            new MimeMessage(
                    Session.getInstance(new Properties()),
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))
                .getContent();
    assertThat(alternative.getBodyPart(1).getContent().toString().replace("\r\n", ""))
        .isEqualTo(letter.html(ada).replace("\r\n", "").replace("\n", ""));
  }

  @Test
  void aTextLineTooLongForEightBitMimeLeavesTheMessageToQuotedPrintable() throws Exception {
    Letter longLines =
        new Letter(
            new Letter.Content(
                TenantKey.of("nord"),
                1,
                "Nord",
                "S",
                null,
                new SenderIdentity(null, "news@nord.example"),
                null,
                "de",
                "<p>x</p>",
                "ä".repeat(600),
                null),
            new OwaspMailHtml());

    MimeMessage composed =
        longLines.compose(Session.getInstance(new Properties()), ada, "b@x.example", true);

    assertThat(composed).isNotInstanceOf(EightBitMessage.class);
  }

  @Test
  void aTrackedLetterRewritesTheBodysLinksAndAddsThePixelButLeavesTheFooterAlone() {
    Letter.Content content =
        new Letter.Content(
            TenantKey.of("nord"),
            4711,
            "Tochter Nord GmbH",
            "Betreff",
            null,
            new SenderIdentity(null, "news@nord.example"),
            null,
            "de",
            "<p><a href=\"https://nord.example/a?x=1&amp;y=2\">A</a>"
                + " <a href=\"mailto:info@nord.example\">Post</a>"
                + " <a href=\"https://nord.example/b\" data-rb-notrack>B</a>"
                + " <a href=\"https://nord.example/c?m={{ field.company }}\">C</a></p>",
            "A (https://nord.example/a?x=1&y=2), B: https://nord.example/b,"
                + " anderswo: https://nord.example/z.",
            null);
    Letter tracked =
        new Letter(
            content,
            new OwaspMailHtml(),
            new Letter.Tracking() {
              @Override
              public String click(long subscriberId, int index, String url) {
                return "https://rb.example/t/c/" + subscriberId + "-" + index + "-" + url;
              }

              @Override
              public String open(long subscriberId) {
                return "https://rb.example/t/o/" + subscriberId;
              }
            });
    String html = tracked.html(ada);
    assertThat(html)
        .contains("href=\"https://rb.example/t/c/815-0-https://nord.example/a?x=1&amp;y=2\"")
        .contains("href=\"mailto:info@nord.example\"")
        .contains("href=\"https://nord.example/b\"")
        .contains("href=\"https://rb.example/t/c/815-1-https://nord.example/c?m=ACME\"")
        .contains("href=\"https://news.example.com/unsubscribe.xhtml?token=abc\"")
        .contains("<img src=\"https://rb.example/t/o/815\" width=\"1\" height=\"1\"");
    assertThat(tracked.text(ada))
        .as("the text part's address of a tracked HTML link counts for that link")
        .startsWith(
            "A (https://rb.example/t/c/815-0-https://nord.example/a?x=1&y=2), B:"
                + " https://nord.example/b, anderswo: https://nord.example/z.")
        .contains("https://news.example.com/unsubscribe.xhtml?token=abc\n");
    assertThat(new Letter(content, new OwaspMailHtml()).html(ada)).doesNotContain("rb.example");
    assertThat(new Letter(content, new OwaspMailHtml()).text(ada)).doesNotContain("rb.example");
  }
}
