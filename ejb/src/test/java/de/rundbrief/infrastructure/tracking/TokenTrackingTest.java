package de.rundbrief.infrastructure.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.TrackingToken;
import java.net.URI;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenTrackingTest {

  private final AesGcmTrackingTokens tokens = new AesGcmTrackingTokens(key());
  private final TokenTracking anonymous =
      new TokenTracking(tokens, "https://news.example.com", TenantKey.of("nord"), 4711, true);

  private static byte[] key() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 5);
    return key;
  }

  @Test
  void anAnonymousClickCarriesNoRecipientButItsLinkAndAddress() {
    String tracked = anonymous.click(815, 2, "https://nord.example/a?b=1");
    assertThat(tracked).startsWith("https://news.example.com/t/c/");
    TrackingToken token = tokens.open(tracked.substring("https://news.example.com/t/c/".length()));
    assertThat(token.subscriberId()).isZero();
    assertThat(token.linkIndex()).isEqualTo(2);
    assertThat(token.target()).isEqualTo(URI.create("https://nord.example/a?b=1"));
  }

  @Test
  void aLinkTooLongOrNoAddressStaysUntracked() {
    assertThat(anonymous.click(815, 0, "https://nord.example/" + "x".repeat(2000))).isNull();
    assertThat(anonymous.click(815, 0, "https://nord example/")).isNull();
  }

  @Test
  void theLongestTrackedLinkStillOpens() {
    String longest = "https://nord.example/" + "x".repeat(TrackingToken.MAX_TARGET_LENGTH - 21);
    String tracked = anonymous.click(815, 0, longest);
    assertThat(tokens.open(tracked.substring("https://news.example.com/t/c/".length())).target())
        .isEqualTo(URI.create(longest));
  }
}
