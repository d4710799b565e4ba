package de.rundbrief.infrastructure.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.TrackingKind;
import de.rundbrief.domain.tracking.TrackingToken;
import java.net.URI;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AesGcmTrackingTokensTest {

  private static final TenantKey NORD = TenantKey.of("nord");

  private final AesGcmTrackingTokens tokens = new AesGcmTrackingTokens(key(1));

  private static byte[] key(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }

  @Test
  void aClickTokenCarriesItsLinkAndShowsNoIds() {
    URI target = URI.create("https://nord.example/angebot?kampagne=herbst&ä=1");
    String sealed = tokens.seal(TrackingToken.click(NORD, 4711, 815, 3, target));
    assertThat(sealed).matches("[A-Za-z0-9_-]+").doesNotContain("4711").doesNotContain("nord");
    TrackingToken opened = tokens.open(sealed);
    assertThat(opened.kind()).isEqualTo(TrackingKind.CLICK);
    assertThat(opened.tenant()).isEqualTo(NORD);
    assertThat(opened.mailingId()).isEqualTo(4711);
    assertThat(opened.subscriberId()).isEqualTo(815);
    assertThat(opened.linkIndex()).isEqualTo(3);
    assertThat(opened.target()).isEqualTo(target);
  }

  @Test
  void anOpenTokenIsShortAndAnonymousWithoutRecipient() {
    String sealed = tokens.seal(TrackingToken.open(NORD, 4711, 0));
    assertThat(sealed.length()).isLessThan(80);
    TrackingToken opened = tokens.open(sealed);
    assertThat(opened.kind()).isEqualTo(TrackingKind.OPEN);
    assertThat(opened.isAnonymous()).isTrue();
    assertThat(opened.target()).isNull();
  }

  @Test
  void anAlteredForeignOrMadeUpTokenIsRefused() {
    String sealed =
        tokens.seal(TrackingToken.click(NORD, 1, 2, 0, URI.create("https://nord.example/")));
    char last = sealed.charAt(sealed.length() - 1);
    String altered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
    String middle =
        sealed.substring(0, 20) + (sealed.charAt(20) == 'x' ? 'y' : 'x') + sealed.substring(21);
    for (String bad : new String[] {altered, middle, "", "abc", sealed + "A", "../../etc"}) {
      assertThatThrownBy(() -> tokens.open(bad)).as(bad).isInstanceOf(InvalidTokenException.class);
    }
    assertThatThrownBy(() -> new AesGcmTrackingTokens(key(2)).open(sealed))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void aClickLeadsToHttpOrHttpsOnly() {
    assertThatThrownBy(() -> TrackingToken.click(NORD, 1, 2, 0, URI.create("javascript:alert(1)")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
