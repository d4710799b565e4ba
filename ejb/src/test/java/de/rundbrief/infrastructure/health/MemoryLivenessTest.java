package de.rundbrief.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryLivenessTest {

  @Test
  void theHeapAfterTheLastCollectionIsReadFromTheCollectors() {
    System.gc();

    long used = MemoryLiveness.HeapAfterCollection.read();

    assertThat(used).isPositive();
    assertThat(MemoryLiveness.percent(used, Runtime.getRuntime().maxMemory()))
        .isLessThan(MemoryLiveness.LIMIT_PERCENT);
  }

  @Test
  void theLimitIsNinetyFivePercentOfTheMaximum() {
    assertThat(MemoryLiveness.percent(94, 100)).isLessThan(MemoryLiveness.LIMIT_PERCENT);
    assertThat(MemoryLiveness.percent(95, 100)).isEqualTo(MemoryLiveness.LIMIT_PERCENT);
    assertThat(MemoryLiveness.percent(1L << 33, 1L << 33)).isEqualTo(100);
    assertThat(MemoryLiveness.percent(5, 0)).isZero();
  }
}
