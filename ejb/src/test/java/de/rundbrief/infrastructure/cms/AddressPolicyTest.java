package de.rundbrief.infrastructure.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.infrastructure.cms.AddressPolicy.AddressNotAllowedException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "0.0.0.0",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.254",
        "192.168.178.1",
        "169.254.169.254",
        "100.64.0.1",
        "198.18.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fd00::1",
        "fc12:3456::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "64:ff9b::a00:1",
        "2002:a00:1::1",
        "ff02::1"
      })
  void internalAddressesAreRecognised(String address) throws Exception {
    assertThat(AddressPolicy.isInternal(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.215.14",
        "8.8.8.8",
        "172.32.0.1",
        "100.128.0.1",
        "2a00:1450:4001:82b::200e",
        "::ffff:8.8.8.8"
      })
  void publicAddressesAreNot(String address) throws Exception {
    assertThat(AddressPolicy.isInternal(InetAddress.getByName(address))).isFalse();
  }

  @Test
  void anInternalAddressIsRefusedUnlessTheHostOrTheAddressIsAllowed() throws Exception {
    InetAddress[] internal = {InetAddress.getByName("10.0.0.7")};
    assertThatThrownBy(() -> new AddressPolicy(List.of()).check("cms.intranet", internal))
        .isInstanceOf(AddressNotAllowedException.class)
        .hasMessageContaining("cms.intranet")
        .hasMessageContaining("10.0.0.7")
        .hasMessageContaining("CMS_ALLOWED_HOSTS");
    assertThat(new AddressPolicy(List.of("CMS.Intranet")).check("cms.intranet", internal))
        .containsExactly(internal);
    assertThat(new AddressPolicy(List.of("10.0.0.7")).check("cms.intranet", internal))
        .containsExactly(internal);
    assertThatThrownBy(() -> new AddressPolicy(List.of("10.0.0.8")).check("cms.intranet", internal))
        .isInstanceOf(AddressNotAllowedException.class);
  }

  @Test
  void oneInternalAddressAmongPublicOnesRefusesTheHost() throws Exception {
    InetAddress[] mixed = {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("127.0.0.1")};
    assertThatThrownBy(() -> new AddressPolicy(List.of()).check("rebinding.example", mixed))
        .isInstanceOf(AddressNotAllowedException.class);
  }

  @Test
  void anIpv6LiteralInBracketsMatchesItsAllowedEntry() throws Exception {
    InetAddress[] loopback = {InetAddress.getByName("::1")};
    assertThat(new AddressPolicy(List.of("[::1]")).check("[::1]", loopback))
        .containsExactly(loopback);
  }
}
