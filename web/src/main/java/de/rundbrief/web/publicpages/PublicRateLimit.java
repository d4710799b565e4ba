package de.rundbrief.web.publicpages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per client address and minute on the public subscription paths, so that nobody signs up
 * thousands of addresses from one machine. Counted per instance: behind a load balancer spreading
 * over n instances an address gets up to n times the limit, which still stops a flood.
 */
@ApplicationScoped
public class PublicRateLimit {

  public static final String LIMIT_PROPERTY = "rundbrief.public.requests-per-minute";
  private static final long WINDOW_NANOS = 60_000_000_000L;
  private static final int PRUNE_ABOVE = 10_000;

  private int limit;
  private LongSupplier nanoClock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong lastPrune = new AtomicLong();

  protected PublicRateLimit() {}

  @Inject
  PublicRateLimit(@ConfigProperty(name = LIMIT_PROPERTY, defaultValue = "20") int limit) {
    this(limit, System::nanoTime);
  }

  PublicRateLimit(int limit, LongSupplier nanoClock) {
    this.limit = limit;
    this.nanoClock = nanoClock;
    this.lastPrune.set(nanoClock.getAsLong() - WINDOW_NANOS);
  }

  /**
   * Counts a request from this address.
   *
   * @throws TooManyRequestsException if the address has used up this minute's requests
   */
  public void check(String address) {
    long now = nanoClock.getAsLong();
    // pruning walks every address: at most once a minute, not on every request of a flood
    long last = lastPrune.get();
    if (windows.size() > PRUNE_ABOVE
        && now - last >= WINDOW_NANOS
        && lastPrune.compareAndSet(last, now)) {
      windows.values().removeIf(window -> window.endedBy(now));
    }
    Window window =
        windows.compute(
            address,
            (key, current) ->
                current == null || current.endedBy(now) ? new Window(now, 1) : current.count());
    if (window.requests() > limit) {
      throw new TooManyRequestsException(
          Math.max(1, (window.start() + WINDOW_NANOS - now) / 1_000_000_000L));
    }
  }

  private record Window(long start, int requests) {
    boolean endedBy(long now) {
      return now - start >= WINDOW_NANOS;
    }

    Window count() {
      return new Window(start, requests + 1);
    }
  }
}
