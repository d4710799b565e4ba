package de.rundbrief.web.publicpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PublicRateLimitTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(1_000 * SECOND);
  private final PublicRateLimit limit = new PublicRateLimit(3, now::get);

  @Test
  void anAddressGetsItsRequestsPerMinuteAndThenWaits() {
    for (int i = 0; i < 3; i++) {
      limit.check("192.0.2.1");
    }
    now.addAndGet(20 * SECOND);

    assertThatThrownBy(() -> limit.check("192.0.2.1"))
        .isInstanceOf(TooManyRequestsException.class)
        .satisfies(
            e -> assertThat(((TooManyRequestsException) e).getRetryAfterSeconds()).isEqualTo(40));
  }

  @Test
  void otherAddressesAreNotHeldUp() {
    for (int i = 0; i < 3; i++) {
      limit.check("192.0.2.1");
    }

    assertThatCode(() -> limit.check("192.0.2.2")).doesNotThrowAnyException();
  }

  @Test
  void aNewMinuteStartsAfresh() {
    for (int i = 0; i < 3; i++) {
      limit.check("192.0.2.1");
    }
    now.addAndGet(60 * SECOND);

    assertThatCode(() -> limit.check("192.0.2.1")).doesNotThrowAnyException();
  }
}
