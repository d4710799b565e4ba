package de.rundbrief.infrastructure.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.consent.TokenPurpose;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.security.AesGcmSeal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AesGcmConsentTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final TenantKey NORD = TenantKey.of("nord");

  private final byte[] key = filled(7);
  private final AesGcmConsentTokens tokens = at(NOW, key);

  @Test
  void aSealedTokenOpensToWhatWasSealed() {
    ConsentToken token = ConsentToken.issue(TokenPurpose.CONFIRM, NORD, 4711, 42, NOW);

    ConsentToken opened = tokens.open(tokens.seal(token));

    assertThat(opened).isEqualTo(token);
    assertThat(opened.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  void aMailingsUnsubscribeTokenCarriesTheMailingAndOthersNone() {
    ConsentToken plain = ConsentToken.issue(TokenPurpose.UNSUBSCRIBE, NORD, 4711, 42, NOW);
    ConsentToken fromMailing = plain.fromMailing(9001);

    assertThat(tokens.open(tokens.seal(fromMailing))).isEqualTo(fromMailing);
    assertThat(tokens.open(tokens.seal(fromMailing)).mailing()).isEqualTo(9001L);
    assertThat(tokens.open(tokens.seal(plain)).mailing()).isNull();
    assertThat(tokens.seal(plain))
        .as("links without a mailing keep the layout of links sent before")
        .hasSizeLessThan(tokens.seal(fromMailing).length());
  }

  @Test
  void aTokenWithBytesAfterItsMailingIsRefused() {
    byte[] tenant = "nord".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer plain = ByteBuffer.allocate(1 + 1 + tenant.length + 8 * 4 + 2);
    plain.put((byte) TokenPurpose.UNSUBSCRIBE.ordinal()).put((byte) tenant.length).put(tenant);
    plain.putLong(4711).putLong(42).putLong(0).putLong(9001).putShort((short) 1);
    String sealed = new AesGcmSeal(key, "", (byte) 1).seal(plain.array());

    assertThatThrownBy(() -> tokens.open(sealed)).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void theLinkShowsNeitherTenantNorIdsAndNoTwoLinksAreAlike() {
    ConsentToken token = ConsentToken.issue(TokenPurpose.UNSUBSCRIBE, NORD, 4711, 42, NOW);

    String first = tokens.seal(token);
    String second = tokens.seal(token);

    assertThat(first).isNotEqualTo(second).doesNotContain("nord").doesNotContain("4711");
    assertThat(first).matches("[A-Za-z0-9_-]{60,120}");
  }

  @Test
  void everyAlteredCharacterIsRefused() {
    // many tokens, so that every kind of last character (with its unused low bits) comes up
    for (int round = 0; round < 200; round++) {
      refusesEveryAlteredCharacterOf(
          tokens.seal(ConsentToken.issue(TokenPurpose.UNSUBSCRIBE, NORD, 4711, round, NOW)));
    }
  }

  private void refusesEveryAlteredCharacterOf(String sealed) {
    for (int i = 0; i < sealed.length(); i++) {
      char replacement = sealed.charAt(i) == 'A' ? 'B' : 'A';
      String altered = sealed.substring(0, i) + replacement + sealed.substring(i + 1);
      assertThatThrownBy(() -> tokens.open(altered))
          .as("changed at %d", i)
          .isInstanceOf(InvalidTokenException.class)
          .satisfies(e -> assertThat(((InvalidTokenException) e).isExpired()).isFalse());
    }
  }

  @Test
  void cuttingOrPaddingTheEndIsRefused() {
    for (int i = 0; i < 200; i++) {
      String sealed = tokens.seal(ConsentToken.issue(TokenPurpose.UNSUBSCRIBE, NORD, 4711, i, NOW));
      String ending = sealed.endsWith("AA") ? "BB" : "AA";
      for (String altered :
          new String[] {
            sealed.substring(0, sealed.length() - 2) + ending,
            sealed.substring(0, sealed.length() - 1),
            sealed + "A"
          }) {
        assertThatThrownBy(() -> tokens.open(altered)).isInstanceOf(InvalidTokenException.class);
      }
    }
  }

  @Test
  void aTokenMadeWithAnotherKeyIsRefused() {
    String foreign =
        at(NOW, filled(8)).seal(ConsentToken.issue(TokenPurpose.UNSUBSCRIBE, NORD, 1, 1, NOW));

    assertThatThrownBy(() -> tokens.open(foreign)).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void garbageIsRefusedWithoutAnyOtherException() {
    for (String garbage :
        new String[] {null, "", "x", "%%%", "AAAA", "A".repeat(90), "A".repeat(5000), "ÄÖÜ"}) {
      assertThatThrownBy(() -> tokens.open(garbage))
          .as("%s", garbage)
          .isInstanceOf(InvalidTokenException.class);
    }
  }

  @Test
  void anExpiredConfirmationIsRefusedAsExpired() {
    String sealed = tokens.seal(ConsentToken.issue(TokenPurpose.CONFIRM, NORD, 1, 2, NOW));

    assertThat(at(NOW.plus(Duration.ofDays(7)).minusSeconds(1), key).open(sealed).listId())
        .isEqualTo(2);
    assertThatThrownBy(() -> at(NOW.plus(Duration.ofDays(7)), key).open(sealed))
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(((InvalidTokenException) e).isExpired()).isTrue());
  }

  @Test
  void anUnsubscribeLinkNeverExpires() {
    String sealed = tokens.seal(ConsentToken.issue(TokenPurpose.UNSUBSCRIBE, NORD, 1, 2, NOW));

    assertThat(at(NOW.plus(Duration.ofDays(3650)), key).open(sealed).subscriberId()).isEqualTo(1);
  }

  private static AesGcmConsentTokens at(Instant now, byte[] key) {
    return new AesGcmConsentTokens(key, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }
}
