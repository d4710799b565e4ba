package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.sending.RecipientQueue.Active;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotationTest {

  private static final Active BIG = new Active(TenantKey.of("nord"), 1);
  private static final Active SMALL = new Active(TenantKey.of("sued"), 2);

  private final Rotation rotation = new Rotation();

  @Test
  void mailingsTakeTurnsOfTheFairShare() {
    rotation.refresh(List.of(BIG, SMALL));

    assertThat(rotation.next()).isEqualTo(BIG);
    rotation.served(BIG, 50, 100);
    assertThat(rotation.next()).isEqualTo(BIG);
    rotation.served(BIG, 50, 100);
    assertThat(rotation.next()).isEqualTo(SMALL);
    rotation.served(SMALL, 100, 100);
    assertThat(rotation.next()).isEqualTo(BIG);
  }

  @Test
  void anIdleMailingIsPassedOverUntilTheNextRefresh() {
    rotation.refresh(List.of(BIG, SMALL));
    rotation.idle(BIG);

    assertThat(rotation.next()).isEqualTo(SMALL);
    rotation.idle(SMALL);
    assertThat(rotation.next()).isNull();
    assertThat(rotation.hasWork()).isFalse();

    rotation.refresh(List.of(BIG, SMALL));
    assertThat(rotation.hasWork()).isTrue();
  }

  @Test
  void mailingsThatEndedLeaveAndNewOnesJoinAtTheEnd() {
    rotation.refresh(List.of(BIG));
    Active late = new Active(TenantKey.of("west"), 3);

    rotation.refresh(List.of(late, BIG));

    assertThat(rotation.next()).isEqualTo(BIG);
    rotation.refresh(List.of(late));
    assertThat(rotation.next()).isEqualTo(late);
  }
}
