package de.rundbrief.infrastructure.cms;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which addresses the CMS fetcher may connect to: public ones, and internal ones (loopback,
 * private, link-local, shared, unique-local) only where central administrators name the host or the
 * address in the setting {@code CMS_ALLOWED_HOSTS}. Without this, anyone who may register a source
 * could make the server read its own admin ports or the cloud's metadata address.
 */
public final class AddressPolicy {

  private final Set<String> allowedHosts;

  /**
   * @param allowedHosts host names or IP literals whose internal addresses are allowed
   */
  public AddressPolicy(Collection<String> allowedHosts) {
    this.allowedHosts =
        allowedHosts.stream()
            .map(host -> host.strip().toLowerCase(Locale.ROOT))
            .map(host -> host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
            .filter(host -> !host.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The addresses {@code host} resolved to, if Rundbrief may connect to all of them.
   *
   * @throws AddressNotAllowedException if any of them is internal and neither the host nor that
   *     address is allowed
   */
  public InetAddress[] check(String host, InetAddress[] resolved)
      throws AddressNotAllowedException {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    if (allowedHosts.contains(name)) {
      return resolved;
    }
    for (InetAddress address : resolved) {
      if (isInternal(address) && !allowedHosts.contains(address.getHostAddress())) {
        throw new AddressNotAllowedException(host, address);
      }
    }
    return resolved;
  }

  /**
   * Loopback, unspecified, private (RFC 1918), link-local (with the metadata address
   * 169.254.169.254), shared (RFC 6598), benchmarking, multicast and broadcast addresses, IPv6
   * unique-local addresses, and IPv4 addresses wrapped in IPv6 (mapped, NAT64, 6to4) by what they
   * wrap.
   */
  public static boolean isInternal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int a = bytes[0] & 0xff;
      int b = bytes[1] & 0xff;
      return a == 0
          || (a == 100 && b >= 64 && b <= 127)
          || (a == 192 && b == 0 && (bytes[2] & 0xff) == 0)
          || (a == 198 && (b == 18 || b == 19))
          || a >= 240;
    }
    if (address instanceof Inet6Address) {
      int first = bytes[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return true;
      }
      InetAddress wrapped = wrappedIpv4(bytes);
      return wrapped != null && isInternal(wrapped);
    }
    return true;
  }

  /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 address. */
  private static InetAddress wrappedIpv4(byte[] v6) {
    try {
      boolean zeros80 = true;
      for (int i = 0; i < 10; i++) {
        zeros80 &= v6[i] == 0;
      }
      boolean mapped = zeros80 && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
      boolean compatible = zeros80 && v6[10] == 0 && v6[11] == 0;
      boolean nat64 =
          (v6[0] & 0xff) == 0x00
              && (v6[1] & 0xff) == 0x64
              && (v6[2] & 0xff) == 0xff
              && (v6[3] & 0xff) == 0x9b;
      if (mapped || compatible || nat64) {
        return InetAddress.getByAddress(new byte[] {v6[12], v6[13], v6[14], v6[15]});
      }
      if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
        return InetAddress.getByAddress(new byte[] {v6[2], v6[3], v6[4], v6[5]});
      }
      return null;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** The host is, or resolves to, an internal address that is not allowed. */
  public static final class AddressNotAllowedException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    AddressNotAllowedException(String host, InetAddress address) {
      super(
          host
              + " is an internal address ("
              + address.getHostAddress()
              + "); central administrators can allow it in CMS_ALLOWED_HOSTS");
    }
  }
}
