package de.rundbrief.infrastructure.cluster;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One lease as one instance sees it: {@link #renew()} takes or renews it in the database, {@link
 * #isHeld()} answers from memory. The answer is yes only while the last successful renewal is less
 * than the lease's length ago, counted from before its statement ran by this JVM's monotonic clock;
 * the database's expiry came after that, so an instance never believes it holds a lease that the
 * database has already given to another, even when it cannot reach the database to renew.
 */
public final class ClusterLease {

  private static final Logger LOG = Logger.getLogger(ClusterLease.class.getName());

  private final ClusterLeases leases;
  private final String name;
  private final String holder;
  private final Duration length;
  private final LongSupplier nanoTime;

  /** When the last successful renewal began, by {@link #nanoTime}; {@code null} if not held. */
  private volatile Long renewedAt;

  public ClusterLease(ClusterLeases leases, String name, String holder, Duration length) {
    this(leases, name, holder, length, System::nanoTime);
  }

  ClusterLease(
      ClusterLeases leases, String name, String holder, Duration length, LongSupplier nanoTime) {
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("A lease lasts a while, not " + length);
    }
    this.leases = leases;
    this.name = name;
    this.holder = holder;
    this.length = length;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes the lease if it is free or expired, or renews it if this instance holds it. If the
   * database cannot be reached, the lease counts as held until its time is up.
   *
   * @return whether this instance holds it now
   */
  public boolean renew() {
    long started = nanoTime.getAsLong();
    boolean wasHeld = isHeld();
    boolean held;
    try {
      held = leases.tryHold(name, holder, length);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The lease " + name + " cannot be renewed: " + e.getMessage(), e);
      return isHeld();
    }
    if (held) {
      renewedAt = started;
      if (!wasHeld) {
        LOG.info(() -> holder + " now holds the lease " + name);
      }
    } else {
      renewedAt = null;
      if (wasHeld) {
        LOG.warning(() -> holder + " lost the lease " + name + " to another instance");
      }
    }
    return held;
  }

  /** Whether this instance holds the lease, as far as its last renewal says; no database access. */
  public boolean isHeld() {
    Long at = renewedAt;
    return at != null && nanoTime.getAsLong() - at < length.toNanos();
  }

  /** Gives the lease up, so that another instance takes it over without waiting for its expiry. */
  public void release() {
    boolean held = isHeld();
    renewedAt = null;
    if (held) {
      leases.release(name, holder);
    }
  }

  public String name() {
    return name;
  }

  public String holder() {
    return holder;
  }

  public Duration length() {
    return length;
  }
}
