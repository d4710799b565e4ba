package de.rundbrief.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {"nord", "sued", "it-services", "b2", "ab"})
  void acceptsSlugs(String key) {
    assertThat(TenantKey.of(key).value()).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "n",
        "Nord",
        "2nord",
        "nord-",
        "nord_sued",
        "süd",
        "central",
        "all",
        "api",
        "a-very-long-key-of-more-than-32-chars"
      })
  void rejectsEverythingElse(String key) {
    assertThatThrownBy(() -> TenantKey.of(key)).isInstanceOf(InvalidTenantKeyException.class);
    assertThat(TenantKey.isValid(key)).isFalse();
  }

  @Test
  void aTenantStartsActiveAndKeepsItsKeyWhenRenamed() {
    Tenant tenant =
        new Tenant(TenantKey.of("nord"), " Tochter Nord GmbH ", java.time.Instant.EPOCH);
    assertThat(tenant.isActive()).isTrue();
    assertThat(tenant.getName()).isEqualTo("Tochter Nord GmbH");
    tenant.rename("Nord GmbH");
    tenant.deactivate();
    assertThat(tenant.getKey()).isEqualTo(TenantKey.of("nord"));
    assertThat(tenant.getName()).isEqualTo("Nord GmbH");
    assertThat(tenant.getStatus()).isEqualTo(TenantStatus.DEACTIVATED);
  }

  @Test
  void aTenantNeedsAName() {
    assertThatThrownBy(() -> new Tenant(TenantKey.of("nord"), " ", java.time.Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
