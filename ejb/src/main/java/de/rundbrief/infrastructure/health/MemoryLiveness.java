package de.rundbrief.infrastructure.health;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the heap, right after the last garbage collection, is less than 95 % full. A heap that
 * stays full after collecting means the instance spends its time collecting and will soon fail with
 * OutOfMemoryError: restarting it (with more heap) is the cure.
 */
@Liveness
@ApplicationScoped
public class MemoryLiveness implements HealthCheck {

  /** The check's name in the health answer. */
  public static final String NAME = "memory";

  static final int LIMIT_PERCENT = 95;

  @Override
  public HealthCheckResponse call() {
    long max = Runtime.getRuntime().maxMemory();
    long afterCollection = HeapAfterCollection.read();
    int percent = percent(afterCollection, max);
    return HealthCheckResponse.named(NAME)
        .status(percent < LIMIT_PERCENT)
        .withData("heapMaxBytes", max)
        .withData("heapUsedAfterCollectionPercent", percent)
        .build();
  }

  static int percent(long used, long max) {
    return max <= 0 ? 0 : (int) (used * 100 / max);
  }

  /** The heap in use after the most recent collection, by any collector. */
  static final class HeapAfterCollection {

    private HeapAfterCollection() {}

    static long read() {
      GcInfo latest = null;
      for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (collector instanceof GarbageCollectorMXBean bean) {
          GcInfo info = bean.getLastGcInfo();
          if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
            latest = info;
          }
        }
      }
      if (latest == null) {
        return 0;
      }
      return sum(latest.getMemoryUsageAfterGc());
    }

    private static long sum(Map<String, MemoryUsage> pools) {
      long used = 0;
      for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage usage = pools.get(pool.getName());
        if (usage != null && pool.getType() == MemoryType.HEAP) {
          used += usage.getUsed();
        }
      }
      return used;
    }
  }
}
