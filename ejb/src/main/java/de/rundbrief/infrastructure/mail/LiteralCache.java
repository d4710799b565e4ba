package de.rundbrief.infrastructure.mail;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The octets of a letter's unchanging pieces of text as {@link MessageBytes#literal} wrote them, by
 * piece and the length of line they started on: the same for every message of the letter, so that
 * most of a 20 KB message is copied rather than encoded again. Shared by the threads that send the
 * letter. A piece keeps at most {@value #PER_PIECE} lengths of line (a letter whose values vary in
 * length a lot); others are written as any text.
 */
final class LiteralCache {

  /** Octets a piece gave, the line it left open and the longest line it made. */
  record Octets(byte[] bytes, int line, int longest) {}

  /** Lines longer than this are not cached: they fail 8-bit MIME anyway. */
  static final int MAX_LINE = 998;

  static final int PER_PIECE = 64;

  /** What one piece gave, by the line it started on; replaced whole when a line is added. */
  private record Known(int[] lines, Octets[] octets) {

    Octets get(int line) {
      for (int i = 0; i < lines.length; i++) {
        if (lines[i] == line) {
          return octets[i];
        }
      }
      return null;
    }
  }

  private static final Known NONE = new Known(new int[0], new Octets[0]);

  private final int lowest;
  private final AtomicReferenceArray<Known> pieces;

  /** A cache for the pieces numbered from {@code lowest} to {@code highest}. */
  LiteralCache(int lowest, int highest) {
    this.lowest = lowest;
    this.pieces = new AtomicReferenceArray<>(highest - lowest + 1);
  }

  /**
   * @return what the piece gave on a line of that length, or {@code null}
   */
  Octets get(int piece, int line) {
    Known known = known(piece);
    return known == null ? null : known.get(line);
  }

  void put(int piece, int line, Octets octets) {
    int slot = piece - lowest;
    if (slot < 0 || slot >= pieces.length()) {
      return;
    }
    Known before;
    Known after;
    do {
      before = pieces.get(slot);
      Known current = before == null ? NONE : before;
      if (current.lines().length >= PER_PIECE || current.get(line) != null) {
        return;
      }
      int[] lines = Arrays.copyOf(current.lines(), current.lines().length + 1);
      Octets[] octetsByLine = Arrays.copyOf(current.octets(), lines.length);
      lines[lines.length - 1] = line;
      octetsByLine[lines.length - 1] = octets;
      after = new Known(lines, octetsByLine);
    } while (!pieces.compareAndSet(slot, before, after));
  }

  /** How many pieces and lines are known, for tests. */
  int size() {
    int size = 0;
    for (int i = 0; i < pieces.length(); i++) {
      Known known = pieces.get(i);
      size += known == null ? 0 : known.lines().length;
    }
    return size;
  }

  private Known known(int piece) {
    int slot = piece - lowest;
    return slot < 0 || slot >= pieces.length() ? null : pieces.get(slot);
  }
}
