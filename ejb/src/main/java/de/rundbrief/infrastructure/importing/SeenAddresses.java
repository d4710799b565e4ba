package de.rundbrief.infrastructure.importing;

/**
 * The addresses an import has seen so far, as 128 bits of their keyed hash with the line of their
 * first occurrence: an open-addressing table of primitive arrays, 24 bytes a slot, so that a file
 * of millions of rows is checked for duplicates in a few dozen megabytes. Two different addresses
 * would have to agree in 128 bits of HMAC-SHA256 to be taken for the same.
 */
final class SeenAddresses {

  private long[] high = new long[1 << 12];
  private long[] low = new long[1 << 12];
  private long[] lines = new long[1 << 12];
  private int size;

  /**
   * Records the address's first occurrence on {@code line}.
   *
   * @return 0 if the address is new, otherwise the line it first occurred on
   */
  long firstLine(byte[] hash, long line) {
    long h = bits(hash, 0);
    long l = bits(hash, 8);
    int mask = lines.length - 1;
    for (int i = (int) (l ^ (l >>> 32)) & mask; ; i = (i + 1) & mask) {
      if (lines[i] == 0) {
        high[i] = h;
        low[i] = l;
        lines[i] = line;
        if (++size * 2 > lines.length) {
          grow();
        }
        return 0;
      }
      if (high[i] == h && low[i] == l) {
        return lines[i];
      }
    }
  }

  private void grow() {
    long[] oldHigh = high;
    long[] oldLow = low;
    long[] oldLines = lines;
    high = new long[oldLines.length * 2];
    low = new long[oldLines.length * 2];
    lines = new long[oldLines.length * 2];
    int mask = lines.length - 1;
    for (int j = 0; j < oldLines.length; j++) {
      if (oldLines[j] != 0) {
        long l = oldLow[j];
        int i = (int) (l ^ (l >>> 32)) & mask;
        while (lines[i] != 0) {
          i = (i + 1) & mask;
        }
        high[i] = oldHigh[j];
        low[i] = l;
        lines[i] = oldLines[j];
      }
    }
  }

  private static long bits(byte[] bytes, int from) {
    long value = 0;
    for (int i = from; i < from + 8; i++) {
      value = (value << 8) | (bytes[i] & 0xFF);
    }
    return value;
  }
}
