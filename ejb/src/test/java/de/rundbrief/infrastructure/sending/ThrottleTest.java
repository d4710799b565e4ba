package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Throttle throttle = new Throttle(now::get);

  @Test
  void withoutLimitsEveryMessageGoesAtOnce() {
    for (int i = 0; i < 10_000; i++) {
      assertThat(throttle.tryAcquire()).isZero();
    }
  }

  @Test
  void perSecondLimitWaitsForTheNextSecond() {
    throttle.limits(3, 0);
    now.addAndGet(200);

    assertThat(throttle.tryAcquire()).isZero();
    assertThat(throttle.tryAcquire()).isZero();
    assertThat(throttle.tryAcquire()).isZero();
    assertThat(throttle.tryAcquire()).isEqualTo(800);
    now.addAndGet(800);
    assertThat(throttle.tryAcquire()).isZero();
  }

  @Test
  void perHourLimitHoldsInEverySlidingHour() {
    throttle.limits(0, 100);
    for (int minute = 0; minute < 50; minute++) {
      assertThat(throttle.tryAcquire()).isZero();
      assertThat(throttle.tryAcquire()).isZero();
      now.addAndGet(60_000);
    }
    assertThat(throttle.tryAcquire()).as("100 sent in the last 50 minutes").isPositive();
    now.addAndGet(10 * 60_000);
    assertThat(throttle.tryAcquire()).as("the first minute's two left the window").isZero();
    assertThat(throttle.tryAcquire()).isZero();
    assertThat(throttle.tryAcquire()).isPositive();
  }

  @Test
  void eachInstanceGetsItsShareOfTheClustersLimitNeverMoreInAllButAtLeastOne() {
    assertThat(SendingRunner.share(60, 1)).isEqualTo(60);
    assertThat(SendingRunner.share(60, 3)).isEqualTo(20);
    assertThat(SendingRunner.share(4, 3)).as("3 x 1 stays within 4").isEqualTo(1);
    assertThat(SendingRunner.share(2, 5)).as("an instance never stops sending").isEqualTo(1);
    assertThat(SendingRunner.share(0, 3)).as("no limit stays no limit").isZero();
    assertThat(SendingRunner.share(100, 0)).isEqualTo(100);
  }
}
