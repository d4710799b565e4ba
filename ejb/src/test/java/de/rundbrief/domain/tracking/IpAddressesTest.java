package de.rundbrief.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest
  @CsvSource({
    "203.0.113.77, 203.0.113.0",
    "10.0.0.1, 10.0.0.0",
    "0.0.0.0, 0.0.0.0",
    "255.255.255.255, 255.255.255.0",
    "' 198.51.100.9 ', 198.51.100.0",
    "::ffff:203.0.113.77, 203.0.113.0",
    "::FFFF:cb00:714d, 203.0.113.0",
    "0:0:0:0:0:ffff:203.0.113.77, 203.0.113.0",
    "2001:db8:abcd:12:1:2:3:4, 2001:db8:abcd::",
    "2001:0DB8:ABCD:0012:0000:0000:0000:0001, 2001:db8:abcd::",
    "2001:db8::1, 2001:db8::",
    "2001:0:0:1::1, 2001::",
    "2001:0:abcd:1::1, 2001:0:abcd::",
    "fe80::1%eth0, fe80::",
    "[2a00:1450:4001:82b::200e], 2a00:1450:4001::",
    "::1, ::",
    "::, ::",
    "64:ff9b::203.0.113.77, 64:ff9b::"
  })
  void shortensToTheNetwork(String ip, String stored) {
    assertThat(IpAddresses.stored(ip, IpStorage.SHORTENED)).isEqualTo(stored);
  }

  @Test
  void storesNothingWhenToldSo() {
    assertThat(IpAddresses.stored("203.0.113.77", IpStorage.NONE)).isNull();
    assertThat(IpAddresses.stored("2001:db8::1", IpStorage.NONE)).isNull();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "   ",
        "unknown",
        "localhost",
        "example.com",
        "203.0.113",
        "203.0.113.77.1",
        "203.0.113.256",
        "203.0.113.-1",
        "203.0.113.077",
        "203.0.113.77:443",
        "1.2.3.4/24",
        "2001:db8::1::2",
        "2001:db8:::1",
        "2001:db8:1:2:3:4:5:6:7",
        "2001:db8:1:2:3:4:5",
        "2001:db8::12345",
        "2001:db8::g",
        ":2001:db8::1",
        "::ffff:203.0.113.300",
        "1.2.3.4::",
        "٢٠٣.0.113.77"
      })
  void storesNothingForWhatIsNoAddress(String ip) {
    assertThat(IpAddresses.stored(ip, IpStorage.SHORTENED)).isNull();
  }

  @Test
  void checksIpv4Networks() {
    assertThat(IpAddresses.isIpv4In("17.1.2.3", "17.0.0.0/8")).isTrue();
    assertThat(IpAddresses.isIpv4In("::ffff:17.1.2.3", "17.0.0.0/8")).isTrue();
    assertThat(IpAddresses.isIpv4In("18.1.2.3", "17.0.0.0/8")).isFalse();
    assertThat(IpAddresses.isIpv4In("192.168.1.200", "192.168.1.128/25")).isTrue();
    assertThat(IpAddresses.isIpv4In("192.168.1.127", "192.168.1.128/25")).isFalse();
    assertThat(IpAddresses.isIpv4In("8.8.8.8", "0.0.0.0/0")).isTrue();
    assertThat(IpAddresses.isIpv4In("10.0.0.1", "10.0.0.1/32")).isTrue();
    assertThat(IpAddresses.isIpv4In("10.0.0.2", "10.0.0.1/32")).isFalse();
  }

  @Test
  void aMissingMalformedOrIpv6AddressIsInNoIpv4Network() {
    assertThat(IpAddresses.isIpv4In(null, "17.0.0.0/8")).isFalse();
    assertThat(IpAddresses.isIpv4In("17.example.com", "17.0.0.0/8")).isFalse();
    assertThat(IpAddresses.isIpv4In("2001:db8::17", "0.0.0.0/0")).isFalse();
  }

  @Test
  void rejectsAMalformedNetwork() {
    assertThatThrownBy(() -> IpAddresses.isIpv4In("17.1.2.3", "17.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IpAddresses.isIpv4In("17.1.2.3", "17.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IpAddresses.isIpv4In("17.1.2.3", "2001:db8::/32"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
