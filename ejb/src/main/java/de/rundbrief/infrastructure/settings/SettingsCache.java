package de.rundbrief.infrastructure.settings;

import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.tenant.TenantKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Effective settings held in memory and kept coherent across the instances of a cluster.
 *
 * <p>Every change of a setting counts up one revision row in the database in the changing
 * transaction. The cache remembers the revision its values were loaded at and compares it with the
 * database's at most once per {@link #CHECK_INTERVAL} (one primary-key read); when it differs, it
 * drops everything and loads again on the next read. So a change made on any instance counts on
 * every instance within about a second, without a restart, a message broker or a cluster-wide
 * cache: the database that every instance shares already is the one source of truth. The instance
 * that made a change drops its values as soon as the change has committed ({@link #invalidate()}),
 * so its own staff see their change at once.
 *
 * <p>The revision is read before the values it labels. A change that commits in between is then
 * either already in the values or newer than the remembered revision, and is loaded at the next
 * check; the cache never keeps a stale value under a current revision.
 */
public final class SettingsCache {

  /** How often at most the cache asks the database whether settings changed. */
  public static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  /** Where the values come from; each call is a read of its own. */
  public interface Source {

    long revision();

    /** The central values and the keys tenants may override, with the revision read first. */
    GlobalValues global();

    /** One tenant's own values. */
    Map<SettingKey, String> tenant(TenantKey tenant);
  }

  /**
   * @param revision the revision read before the values
   * @param values central administrators' values
   * @param tenantMayOverride the keys whose tenant values count
   */
  public record GlobalValues(
      long revision, Map<SettingKey, String> values, Set<SettingKey> tenantMayOverride) {}

  private final Source source;
  private final Map<SettingKey, String> defaults;
  private final LongSupplier nanoTime;
  private final long checkIntervalNanos;

  private final AtomicLong invalidations = new AtomicLong();
  private volatile Snapshot snapshot;
  private volatile long checkedAt;

  /**
   * @param defaults values replacing the keys' built-in defaults (the server's configuration)
   * @param nanoTime the clock for the check interval ({@code System::nanoTime})
   */
  public SettingsCache(
      Source source, Map<SettingKey, String> defaults, LongSupplier nanoTime, Duration interval) {
    this.source = source;
    this.defaults = Map.copyOf(defaults);
    this.nanoTime = nanoTime;
    this.checkIntervalNanos = interval.toNanos();
  }

  public EffectiveSettings global() {
    return current().global;
  }

  public EffectiveSettings of(TenantKey tenant) {
    Snapshot current = current();
    return current.tenants.computeIfAbsent(
        tenant,
        key ->
            EffectiveSettings.resolve(
                defaults,
                current.values.values(),
                current.values.tenantMayOverride(),
                source.tenant(key)));
  }

  /** Drops every value: the next read loads again. */
  public void invalidate() {
    invalidations.incrementAndGet();
    snapshot = null;
  }

  /** The revision the values in memory were loaded at; -1 when none are. */
  public long revision() {
    Snapshot current = snapshot;
    return current == null ? -1 : current.values.revision();
  }

  private Snapshot current() {
    Snapshot current = snapshot;
    long now = nanoTime.getAsLong();
    if (current != null && now - checkedAt >= checkIntervalNanos) {
      checkedAt = now;
      if (source.revision() != current.values.revision()) {
        current = null;
      }
    }
    if (current == null) {
      long generation = invalidations.get();
      current = new Snapshot(source.global(), defaults);
      // values loaded while a change committed here serve this read only
      if (invalidations.get() == generation) {
        snapshot = current;
        checkedAt = now;
      }
    }
    return current;
  }

  private static final class Snapshot {
    final GlobalValues values;
    final EffectiveSettings global;
    final ConcurrentMap<TenantKey, EffectiveSettings> tenants = new ConcurrentHashMap<>();

    Snapshot(GlobalValues values, Map<SettingKey, String> defaults) {
      this.values = values;
      this.global = EffectiveSettings.resolve(defaults, values.values(), Set.of(), Map.of());
    }
  }
}
