package de.rundbrief.infrastructure.mail;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.tenant.TenantKey;
import org.junit.jupiter.api.Test;

class VerpAddressesTest {

  private final VerpAddresses verp =
      new VerpAddresses("a verp key of thirty-two bytes!!".getBytes());

  @Test
  void encodesMailingAndRecipientAndDecodesThemBack() {
    String address = verp.encode("Bounces@News.Example.com", TenantKey.of("nord-ost"), 4711, 815);

    assertThat(address)
        .matches("bounces\\+rb\\.nord-ost\\.4711\\.815\\.[0-9a-f]{10}@news\\.example\\.com");
    assertThat(verp.decode(address))
        .contains(new VerpAddresses.Recipient(TenantKey.of("nord-ost"), 4711, 815));
    assertThat(verp.decode(address.toUpperCase()))
        .as("mail servers may change the case")
        .contains(new VerpAddresses.Recipient(TenantKey.of("nord-ost"), 4711, 815));
  }

  @Test
  void aForgedOrAlteredAddressIsNotBelieved() {
    String address = verp.encode("bounces@example.com", TenantKey.of("nord"), 4711, 815);

    assertThat(verp.decode(address.replace(".815.", ".816."))).isEmpty();
    assertThat(verp.decode(address.replace("rb.nord.", "rb.sued."))).isEmpty();
    assertThat(verp.decode("bounces+rb.nord.4711.815.0000000000@example.com")).isEmpty();
    assertThat(verp.decode("bounces@example.com")).isEmpty();
    assertThat(verp.decode(null)).isEmpty();
    assertThat(new VerpAddresses("another key of thirty-two bytes!".getBytes()).decode(address))
        .isEmpty();
  }
}
