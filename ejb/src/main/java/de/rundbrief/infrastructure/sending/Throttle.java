package de.rundbrief.infrastructure.sending;

/**
 * The sending limits of this instance: messages per second and per hour (0: none), over every
 * worker and tenant. The hour is a sliding window of one-second slots, so no hour ever holds more
 * than the limit, not even one that starts in the middle of a burst.
 */
final class Throttle {

  private static final int WINDOW = 3600;

  private final long[] slots = new long[WINDOW];
  private long currentSecond = -1;
  private long inWindow;
  private int perSecond;
  private int perHour;
  private final java.util.function.LongSupplier millis;

  Throttle(java.util.function.LongSupplier millis) {
    this.millis = millis;
  }

  synchronized void limits(int perSecond, int perHour) {
    this.perSecond = perSecond;
    this.perHour = perHour;
  }

  /** Waits until one more message may go, and counts it. */
  void acquire() throws InterruptedException {
    while (true) {
      long wait = tryAcquire();
      if (wait == 0) {
        return;
      }
      Thread.sleep(wait);
    }
  }

  /** Counts one message and returns 0, or returns how many milliseconds to wait first. */
  synchronized long tryAcquire() {
    long now = millis.getAsLong();
    advance(now / 1000);
    int slot = (int) (currentSecond % WINDOW);
    boolean secondFull = perSecond > 0 && slots[slot] >= perSecond;
    boolean hourFull = perHour > 0 && inWindow >= perHour;
    if (!secondFull && !hourFull) {
      slots[slot]++;
      inWindow++;
      return 0;
    }
    return Math.max(1, 1000 - now % 1000);
  }

  private void advance(long second) {
    if (currentSecond < 0 || second - currentSecond >= WINDOW) {
      java.util.Arrays.fill(slots, 0);
      inWindow = 0;
    } else {
      for (long s = currentSecond + 1; s <= second; s++) {
        int slot = (int) (s % WINDOW);
        inWindow -= slots[slot];
        slots[slot] = 0;
      }
    }
    currentSecond = Math.max(currentSecond, second);
  }
}
