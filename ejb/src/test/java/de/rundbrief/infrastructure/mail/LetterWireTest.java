package de.rundbrief.infrastructure.mail;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.mailing.SenderIdentity;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.html.OwaspMailHtml;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The 8-bit message as it goes on the wire, byte for byte, against the bytes the first 8-bit
 * assembly wrote for the same recipient (kept in {@code mail/*.eml}): faster assembly must not
 * change a single octet. Only the date and the random boundary differ between two runs; both are
 * replaced by fixed words before comparing.
 */
class LetterWireTest {

  private static final Letter.Personal ADA =
      new Letter.Personal(
          815,
          "ada@example.org",
          Map.of(
                  "firstName",
                  "Ada <b> \uD83D\uDE00",
                  "lastName",
                  "Lovelace",
                  "field.company",
                  "ACME & S\u00f6hne")
              ::get,
          "https://news.example.com/unsubscribe.xhtml?token=abc",
          "https://news.example.com/api/v1/public/unsubscribe/abc");

  /**
   * Umlauts, a character outside the BMP, a lone surrogate, both kinds of line break, long lines.
   */
  private static final Letter.Content CONTENT =
      new Letter.Content(
          TenantKey.of("nord"),
          4711,
          "Tochter Nord GmbH",
          "Neues f\u00fcr {{ firstName | Sie }} \u2013 \u20ac",
          "Kurz: {{ firstName }}",
          new SenderIdentity("Redaktion S\u00fcd", "news@nord.example"),
          "antwort@nord.example",
          "de",
          "<h1>Hallo {{ firstName | Leserin }},</h1>\n"
              + ("<p>Absatz f\u00fcr {{ firstName }} {{ lastName }} \uD83C\uDF89 bei {{ field.company"
                      + " | - }}, <a href=\"https://www.example.com/a?x=1&amp;y=2\">Link</a> und"
                      + " etwas Text \u00e4\u00f6\u00fc\u00df \u20ac.</p>")
                  .repeat(40)
              + "\r\n<p>lose \uD800 H\u00e4lfte</p>\r\n<pre>"
              + "x".repeat(300)
              + "</pre>",
          "Hallo {{ firstName | Leserin }},\r\n\r\nGr\u00fc\u00dfe \uD83D\uDE00 aus dem Norden.\nZeile"
              + " zwei: https://www.example.com/a?x=1&y=2\n",
          "<p>Tochter Nord GmbH &amp; Co. KG, Hafenstra\u00dfe 1</p>");

  private static final Pattern BOUNDARY = Pattern.compile("=_rb_[0-9a-f]{32}");
  private static final Pattern DATE = Pattern.compile("(?m)^Date: .*\r\n");

  @Test
  void anUntrackedMessageIsByteForByteWhatItWas() throws Exception {
    assertThat(wire(new Letter(CONTENT, new OwaspMailHtml())))
        .isEqualTo(expected("letter-8bit.eml"));
  }

  @Test
  void aTrackedMessageIsByteForByteWhatItWas() throws Exception {
    Letter tracked =
        new Letter(
            CONTENT,
            new OwaspMailHtml(),
            new Letter.Tracking() {
              @Override
              public String click(long subscriberId, int index, String url) {
                return "https://rb.example/t/c/" + subscriberId + "-" + index;
              }

              @Override
              public String open(long subscriberId) {
                return "https://rb.example/t/o/" + subscriberId;
              }
            });
    assertThat(wire(tracked)).isEqualTo(expected("letter-8bit-tracked.eml"));
  }

  /**
   * A letter keeps the octets of its unchanging pieces for the lines they start on, and a worker
   * keeps one buffer for all its messages; recipients whose names move those pieces get each
   * message exactly as a new letter writes it into a new buffer.
   */
  @Test
  void manyMessagesOfOneLetterAreEachWhatANewLetterWrites() throws Exception {
    Letter shared = new Letter(CONTENT, new OwaspMailHtml());
    MessageBytes buffer = new MessageBytes();
    String[] names = {
      "Al", "Ada <b> \uD83D\uDE00", "Bartholomew-Maximilian", "\u00c4nne", "", "x".repeat(190)
    };
    for (int round = 0; round < 3; round++) {
      for (String name : names) {
        Letter.Personal person =
            new Letter.Personal(
                815, "ada@example.org", Map.of("firstName", name, "lastName", "L")::get, "u", "o");
        assertThat(wire(shared, person, buffer))
            .as(name)
            .isEqualTo(wire(new Letter(CONTENT, new OwaspMailHtml()), person));
      }
    }
  }

  /**
   * The message's octets, date and boundary replaced, read as ISO-8859-1 to compare every octet.
   */
  static String wire(Letter letter) throws Exception {
    return wire(letter, ADA);
  }

  static String wire(Letter letter, Letter.Personal person) throws Exception {
    return wire(letter, person, new MessageBytes());
  }

  static String wire(Letter letter, Letter.Personal person, MessageBytes buffer) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    letter
        .compose(
            Session.getInstance(new Properties()),
            person,
            "bounces+x@news.example.com",
            true,
            buffer)
        .writeTo(bytes);
    String raw = bytes.toString(StandardCharsets.ISO_8859_1);
    Matcher boundary = BOUNDARY.matcher(raw);
    assertThat(boundary.find()).isTrue();
    String normalised = raw.replace(boundary.group(), "=_rb_BOUNDARY");
    Matcher date = DATE.matcher(normalised);
    assertThat(date.find()).isTrue();
    return date.replaceFirst("Date: DATE\r\n");
  }

  private static String expected(String name) throws IOException {
    try (InputStream in = LetterWireTest.class.getResourceAsStream("/mail/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
