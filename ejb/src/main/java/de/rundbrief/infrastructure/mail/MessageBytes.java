package de.rundbrief.infrastructure.mail;

import java.util.Arrays;

/**
 * A message's octets as they are assembled: text goes into one array as UTF-8 in a single pass,
 * without a string of the whole message and its copy as bytes. Each sending thread keeps its array
 * from message to message ({@link #forThisThread}), so a message of 20 KB costs no growing and no
 * garbage but its own bytes.
 *
 * <p>The octets are exactly those of {@code String.getBytes(UTF_8)} for the text appended as a
 * whole: a surrogate pair becomes one four-octet character, a lone surrogate a {@code ?}.
 */
final class MessageBytes {

  private static final ThreadLocal<MessageBytes> THREADS =
      ThreadLocal.withInitial(() -> new MessageBytes(64 * 1024));

  /** Beyond this a thread does not keep its array: one huge message should not stay in memory. */
  private static final int KEEP_AT_MOST = 1024 * 1024;

  private byte[] bytes;
  private int length;

  /** A high surrogate written last, waiting for its low half. */
  private char pendingHigh;

  MessageBytes(int capacity) {
    this.bytes = new byte[capacity];
  }

  /** This thread's array, emptied. */
  static MessageBytes forThisThread() {
    MessageBytes buffer = THREADS.get();
    if (buffer.bytes.length > KEEP_AT_MOST) {
      buffer = new MessageBytes(64 * 1024);
      THREADS.set(buffer);
    }
    buffer.clear();
    return buffer;
  }

  void clear() {
    length = 0;
    pendingHigh = 0;
  }

  int length() {
    return length;
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
    // each character takes at most 3 octets, also "\n" (2) and ">" with a break after it (3)
    ensure(3 * body.length() + 2);
    int line = 0;
    int longest = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\r') {
        continue;
      }
      if (c == '\n') {
        put('\r');
        put('\n');
        line = 0;
        continue;
      }
      put(c);
      line += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
      longest = Math.max(longest, line);
      if (html && c == '>' && line >= htmlLine) {
        put('\r');
        put('\n');
        line = 0;
      }
    }
    put('\r');
    put('\n');
    return longest;
  }

  /** The octets so far, a lone high surrogate at the end written as {@code ?}. */
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
