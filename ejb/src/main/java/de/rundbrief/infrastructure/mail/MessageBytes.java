package de.rundbrief.infrastructure.mail;

import java.util.Arrays;

/**
 * A message's octets as they are assembled: text goes into one array as UTF-8 in a single pass,
 * without a string of the whole message and its copy as bytes. Whoever composes one message after
 * another (a worker of the sending engine) keeps one and hands it to {@link Letter#compose} for
 * each, so a message of 20 KB costs no growing and no garbage but its own bytes. It is not shared
 * between threads, and it is not a thread-local: the container's threads outlive a redeployment,
 * and an array held by them would keep the old application's classes in memory.
 *
 * <p>The octets are exactly those of {@code String.getBytes(UTF_8)} for the text appended as a
 * whole: a surrogate pair becomes one four-octet character, a lone surrogate a {@code ?}.
 */
public final class MessageBytes {

  private static final int INITIAL = 64 * 1024;

  /** Beyond this the array is not kept: one huge message should not stay in memory. */
  private static final int KEEP_AT_MOST = 1024 * 1024;

  private byte[] bytes;
  private int length;

  /** A part's characters, copied out of its string for the loop over them. */
  private char[] chars = new char[16 * 1024];

  /** A high surrogate written last, waiting for its low half. */
  private char pendingHigh;

  /** An empty buffer for one message after another, on one thread at a time. */
  public MessageBytes() {
    this(INITIAL);
  }

  MessageBytes(int capacity) {
    this.bytes = new byte[capacity];
  }

  /** Empties the buffer for the next message; an array grown past 1 MiB is let go. */
  void clear() {
    if (bytes.length > KEEP_AT_MOST) {
      bytes = new byte[INITIAL];
    }
    length = 0;
    pendingHigh = 0;
  }

  /** Appends the text as it is. */
  MessageBytes append(String text) {
    ensure(3 * text.length());
    for (int i = 0; i < text.length(); i++) {
      put(text.charAt(i));
    }
    return this;
  }

  /**
   * Appends a body part in a single pass: line breaks made CRLF, and with {@code html} a line
   * broken after a tag once it has grown to {@code htmlLine} octets; ends with CRLF.
   *
   * @return the longest line in octets, counted as before (a surrogate counts 2, a pair 4)
   */
  int part(String body, boolean html, int htmlLine) {
    startPart(html, htmlLine);
    text(body);
    return endPart();
  }

  /** The state of the part being written: its kind and its current and longest line. */
  private boolean html;

  private int htmlLine;
  private int line;
  private int longest;

  /** Starts a part that {@link #text} and {@link #literal} fill and {@link #endPart} ends. */
  void startPart(boolean html, int htmlLine) {
    this.html = html;
    this.htmlLine = htmlLine;
    this.line = 0;
    this.longest = 0;
  }

  /**
   * Appends a piece of the part: line breaks made CRLF, HTML lines broken after a tag as {@link
   * #part} says.
   */
  void text(String piece) {
    // each character takes at most 3 octets, also "\n" (2) and ">" with a break after it (3)
    ensure(3 * piece.length());
    int end = piece.length();
    if (chars.length < end) {
      chars = new char[Math.max(end, 2 * chars.length)];
    }
    char[] in = chars;
    piece.getChars(0, end, in, 0);
    byte[] out = bytes;
    int at = length;
    int line = this.line;
    int longest = this.longest;
    for (int i = 0; i < end; i++) {
      char c = in[i];
      if (c < 0x80 && c != '\r' && c != '\n' && c != '>' && pendingHigh == 0) {
        // the common case: a character of one octet that ends no line
        out[at++] = (byte) c;
        line++;
        continue;
      }
      length = at;
      if (c == '\r') {
        continue;
      }
      if (c == '\n') {
        put('\r');
        put('\n');
        longest = Math.max(longest, line);
        line = 0;
      } else {
        put(c);
        line += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        if (html && c == '>' && line >= htmlLine) {
          put('\r');
          put('\n');
          longest = Math.max(longest, line);
          line = 0;
        }
      }
      at = length;
    }
    length = at;
    this.line = line;
    this.longest = longest;
  }

  /**
   * Appends a piece of the part that is the same for every message of a letter, such as the text
   * between two placeholders: the octets it gives are kept in the cache for the length of line it
   * starts on, so that the next message with a line of that length copies them.
   *
   * @param key the piece's number, the same for the same text
   */
  void literal(int key, String piece, LiteralCache cache) {
    if (pendingHigh != 0 || line > LiteralCache.MAX_LINE) {
      text(piece);
      return;
    }
    int startLine = line;
    LiteralCache.Octets known = cache.get(key, startLine);
    if (known != null) {
      ensure(known.bytes().length);
      System.arraycopy(known.bytes(), 0, bytes, length, known.bytes().length);
      length += known.bytes().length;
      longest = Math.max(longest, known.longest());
      line = known.line();
      return;
    }
    int from = length;
    int before = longest;
    longest = 0;
    text(piece);
    int within = longest;
    longest = Math.max(before, within);
    if (pendingHigh == 0) {
      cache.put(
          key,
          startLine,
          new LiteralCache.Octets(Arrays.copyOfRange(bytes, from, length), line, within));
    }
  }

  /** Ends the part with CRLF. @return its longest line in octets, counted as {@link #part} does */
  int endPart() {
    longest = Math.max(longest, line);
    ensure(2);
    put('\r');
    put('\n');
    return longest;
  }

  /** The octets so far, a lone high surrogate at the end written as {@code ?}. */
  /** The array's size: what the buffer holds on to between messages. */
  int capacity() {
    return bytes.length;
  }

  byte[] toByteArray() {
    if (pendingHigh != 0) {
      ensure(1);
      bytes[length++] = '?';
      pendingHigh = 0;
    }
    return Arrays.copyOf(bytes, length);
  }

  private void put(char c) {
    if (c < 0x80 && pendingHigh == 0) {
      bytes[length++] = (byte) c;
      return;
    }
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int codePoint = Character.toCodePoint(high, c);
        bytes[length++] = (byte) (0xF0 | (codePoint >> 18));
        bytes[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        bytes[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
        return;
      }
      bytes[length++] = '?';
    }
    if (c < 0x80) {
      bytes[length++] = (byte) c;
    } else if (c < 0x800) {
      bytes[length++] = (byte) (0xC0 | (c >> 6));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[length++] = '?';
    } else {
      bytes[length++] = (byte) (0xE0 | (c >> 12));
      bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  /** Room for {@code more} octets, and one for a pending surrogate's {@code ?}. */
  private void ensure(int more) {
    int needed = length + more + 1;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }
}
