package de.rundbrief.infrastructure.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageBytesTest {

  @Test
  void textIsWrittenAsStringGetBytesWritesIt() {
    String text = "ASCII, \u00e4\u00f6\u00fc\u00df, \u20ac, \uD83D\uDE00, lose \uD800 und \uDC00.";

    byte[] written = new MessageBytes(4).append(text).toByteArray();

    assertThat(written).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBufferUsedAgainHoldsOnlyTheNextMessageAndLetsAHugeArrayGo() {
    MessageBytes buffer = new MessageBytes();
    buffer.append("first message, with a pending high surrogate \uD83D");
    buffer.clear();
    assertThat(buffer.append("second").toByteArray()).isEqualTo("second".getBytes(UTF_8));

    buffer.clear();
    buffer.append("\u20ac".repeat(400_000));
    assertThat(buffer.toByteArray()).hasSize(1_200_000);
    assertThat(buffer.capacity()).isGreaterThan(1024 * 1024);

    buffer.clear();
    assertThat(buffer.capacity()).isEqualTo(64 * 1024);
    assertThat(buffer.append("\uDE00third").toByteArray()).isEqualTo("?third".getBytes(UTF_8));
  }

  @Test
  void aSurrogatePairSplitBetweenTwoAppendsIsStillOneCharacter() {
    MessageBytes bytes = new MessageBytes(16);

    bytes.append("a\uD83D").append("\uDE00b");

    assertThat(bytes.toByteArray()).isEqualTo("a\uD83D\uDE00b".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aHighSurrogateAtTheEndIsAQuestionMark() {
    assertThat(new MessageBytes(1).append("x\uD83D").toByteArray())
        .isEqualTo(new byte[] {'x', '?'});
  }

  @Test
  void aPartHasCrlfLineBreaksAndHtmlLinesBrokenAfterATag() {
    MessageBytes bytes = new MessageBytes(8);

    int longest = bytes.part("eins\r\nzwei\n<b>drei</b><i>vier</i>", true, 8);

    assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("eins\r\nzwei\r\n<b>drei</b>\r\n<i>vier</i>\r\n\r\n");
    assertThat(longest).isEqualTo(11);
  }

  @Test
  void aPartCountsOctetsOfItsLongestLine() {
    MessageBytes bytes = new MessageBytes(8);

    assertThat(bytes.part("\u00e4\u20ac\uD83D\uDE00\nx", false, 200)).isEqualTo(2 + 3 + 4);
  }

  @Test
  void aCachedLiteralGivesTheOctetsAndLinesItGaveTheFirstTime() {
    LiteralCache cache = new LiteralCache(0, 7);
    String literal = "<p>f\u00fcr</p><p>" + "x".repeat(30) + "</p>\n<b>";
    for (String before : new String[] {"", "abc", "\u20ac".repeat(5), "abc", "", "y".repeat(25)}) {
      MessageBytes cached = new MessageBytes(8);
      cached.startPart(true, 20);
      cached.text(before);
      cached.literal(7, literal, cache);
      cached.text("!");
      int cachedLongest = cached.endPart();

      MessageBytes plain = new MessageBytes(8);
      int plainLongest = plain.part(before + literal + "!", true, 20);

      assertThat(cached.toByteArray()).as(before).isEqualTo(plain.toByteArray());
      assertThat(cachedLongest).as(before).isEqualTo(plainLongest);
    }
    assertThat(cache.size()).isEqualTo(4);
  }

  /** Random text of every kind of character, against the same text through a StringBuilder. */
  @Test
  void randomTextIsWrittenAsTheStringWouldBe() {
    Random random = new Random(42);
    char[] alphabet = {'a', '<', '>', '\r', '\n', '\u00e4', '\u20ac', '\uD83D', '\uDE00', ' '};
    for (int round = 0; round < 500; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(600); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      MessageBytes bytes = new MessageBytes(1);
      bytes.append("Kopf\uD83D");
      int longest = bytes.part(text.toString(), round % 2 == 0, 20);

      StringBuilder expected = new StringBuilder("Kopf\uD83D");
      int expectedLongest = referencePart(expected, text.toString(), round % 2 == 0, 20);
      assertThat(bytes.toByteArray())
          .isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(longest).isEqualTo(expectedLongest);
    }
  }

  /** The part as the first 8-bit assembly wrote it, into a string of the whole message. */
  private static int referencePart(StringBuilder message, String body, boolean html, int htmlLine) {
    int line = 0;
    int longest = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\r') {
        continue;
      }
      if (c == '\n') {
        message.append("\r\n");
        line = 0;
        continue;
      }
      message.append(c);
      line += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
      longest = Math.max(longest, line);
      if (html && c == '>' && line >= htmlLine) {
        message.append("\r\n");
        line = 0;
      }
    }
    message.append("\r\n");
    return longest;
  }
}
