package de.rundbrief.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.tenant.TenantKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

  private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

  @Test
  void presentedKeysAreParsedOnlyInTheirExactShape() {
    String secret = "a".repeat(40) + "_-9";

    assertThat(ApiKey.parse("rbk_nord-ost_4711_" + secret))
        .contains(new ApiKey.Presented(TenantKey.of("nord-ost"), 4711, secret));
    assertThat(ApiKey.parse("rbk_nord_4711_" + secret.substring(1))).isEmpty();
    assertThat(ApiKey.parse("rbk_Nord_4711_" + secret)).isEmpty();
    assertThat(ApiKey.parse("rbk_central_4711_" + secret)).as("a reserved key").isEmpty();
    assertThat(ApiKey.parse("rbk_nord_x_" + secret)).isEmpty();
    assertThat(ApiKey.parse("Basic abc")).isEmpty();
    assertThat(ApiKey.parse(null)).isEmpty();
  }

  @Test
  void onlyItsOwnSecretIsAcceptedAndNotAfterRevocation() {
    ApiKey key = new ApiKey("CMS", "nord-admin", NOW);
    String own = secretOf(key);

    assertThat(key.accepts(own)).isTrue();
    assertThat(key.accepts(own.substring(1) + "A")).isFalse();
    assertThat(key.accepts(new ApiKey("Other", "nord-admin", NOW).reveal(TenantKey.of("nord"))))
        .isFalse();
    key.revoke(NOW);
    assertThat(key.accepts(own)).isFalse();
    assertThat(key.isRevoked()).isTrue();
  }

  @Test
  void everyKeyHasItsOwnSecretAndNeedsAName() {
    assertThat(secretOf(new ApiKey("A", "x", NOW)))
        .isNotEqualTo(secretOf(new ApiKey("A", "x", NOW)));
    assertThatThrownBy(() -> new ApiKey(" ", "x", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void useIsNotedAtMostOnceAMinute() {
    ApiKey key = new ApiKey("CMS", "x", NOW);
    key.used(NOW);
    key.used(NOW.plusSeconds(30));
    assertThat(key.getLastUsedAt()).isEqualTo(NOW);
    key.used(NOW.plusSeconds(61));
    assertThat(key.getLastUsedAt()).isEqualTo(NOW.plusSeconds(61));
  }

  /** The secret part of a new key's text: its last 43 characters (256 bits in base64url). */
  private static String secretOf(ApiKey key) {
    String text = key.reveal(TenantKey.of("nord"));
    return text.substring(text.length() - 43);
  }
}
