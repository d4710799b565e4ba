package de.rundbrief.infrastructure.mail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The octets of a letter's unchanging pieces of text as {@link MessageBytes#literal} wrote them, by
 * piece and the length of line they started on: the same for every message of the letter, so that
 * most of a 20 KB message is copied rather than encoded again. Shared by the threads that send the
 * letter; it stops growing at {@value #MAX_ENTRIES} entries (a letter whose values vary in length a
 * lot), after which pieces not yet known are written as any text.
 */
final class LiteralCache {

  /** Octets a piece gave, the line it left open and the longest line it made. */
  record Octets(byte[] bytes, int line, int longest) {}

  /** Lines longer than this are not cached: they fail 8-bit MIME anyway. */
  static final int MAX_LINE = 998;

  static final int MAX_ENTRIES = 20_000;

  private final Map<Long, Octets> known = new ConcurrentHashMap<>();

  Octets get(long id) {
    return known.get(id);
  }

  void put(long id, Octets octets) {
    if (known.size() < MAX_ENTRIES) {
      known.putIfAbsent(id, octets);
    }
  }

  int size() {
    return known.size();
  }
}
