package de.rundbrief.domain.tracking;

/**
 * Readers' IP addresses as tracking keeps them: shortened to the network, so that an event still
 * tells a region or provider but no longer a household. Addresses are parsed here, as literals
 * only; nothing is ever looked up in DNS.
 */
public final class IpAddresses {

  private IpAddresses() {}

  /**
   * The address as stored: nothing for {@link IpStorage#NONE}; for {@link IpStorage#SHORTENED} IPv4
   * with the last octet zeroed ({@code 203.0.113.77} → {@code 203.0.113.0}) and IPv6 cut to its /48
   * in compressed form ({@code 2001:db8:abcd:12:1:2:3:4} → {@code 2001:db8:abcd::}). An IPv4
   * address mapped into IPv6 ({@code ::ffff:203.0.113.77}) counts as IPv4.
   *
   * @return {@code null} also for a missing, blank or malformed address
   */
  public static String stored(String ip, IpStorage storage) {
    if (storage != IpStorage.SHORTENED) {
      return null;
    }
    byte[] address = parse(ip);
    if (address == null) {
      return null;
    }
    if (address.length == 4) {
      return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + ".0";
    }
    int[] groups = new int[8];
    for (int i = 0; i < 3; i++) {
      groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
    }
    return ipv6(groups);
  }

  /**
   * Whether the address is an IPv4 address (also mapped into IPv6) inside the network.
   *
   * @param cidr an IPv4 network such as {@code 17.0.0.0/8}
   * @return {@code false} for a missing or malformed address and for IPv6
   * @throws IllegalArgumentException if the network is not IPv4 CIDR notation
   */
  public static boolean isIpv4In(String ip, String cidr) {
    int slash = cidr.indexOf('/');
    byte[] network = slash < 0 ? null : ipv4(cidr.substring(0, slash));
    int prefix = slash < 0 ? -1 : decimal(cidr.substring(slash + 1), 32);
    if (network == null || prefix < 0) {
      throw new IllegalArgumentException("Not an IPv4 network: " + cidr);
    }
    byte[] address = parse(ip);
    if (address == null || address.length != 4) {
      return false;
    }
    long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    return (toInt(address) & mask) == (toInt(network) & mask);
  }

  /** The address as 4 bytes (IPv4, also when mapped into IPv6) or 16 bytes, or null. */
  private static byte[] parse(String ip) {
    if (ip == null) {
      return null;
    }
    String literal = ip.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (literal.isEmpty() || literal.length() > 60) {
      return null;
    }
    if (literal.indexOf(':') < 0) {
      return ipv4(literal);
    }
    byte[] address = ipv6(literal);
    if (address != null && isMappedIpv4(address)) {
      return new byte[] {address[12], address[13], address[14], address[15]};
    }
    return address;
  }

  private static boolean isMappedIpv4(byte[] address) {
    for (int i = 0; i < 10; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
  }

  private static byte[] ipv4(String literal) {
    String[] parts = literal.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = decimal(parts[i], 255);
      if (octet < 0) {
        return null;
      }
      address[i] = (byte) octet;
    }
    return address;
  }

  /** A decimal number up to {@code max} without sign or leading zeros, or -1. */
  private static int decimal(String digits, int max) {
    if (digits.isEmpty()
        || digits.length() > 3
        || (digits.length() > 1 && digits.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= max ? value : -1;
  }

  private static byte[] ipv6(String literal) {
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    int gap = literal.indexOf("::");
    if (gap >= 0 && literal.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = groups(gap < 0 ? literal : literal.substring(0, gap), gap < 0);
    int[] tail = gap < 0 ? new int[0] : groups(literal.substring(gap + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int count = head.length + tail.length;
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    byte[] address = new byte[16];
    for (int i = 0; i < 8; i++) {
      address[2 * i] = (byte) (all[i] >> 8);
      address[2 * i + 1] = (byte) all[i];
    }
    return address;
  }

  /** The 16-bit groups of a colon-separated part, the last one possibly dotted IPv4, or null. */
  private static int[] groups(String part, boolean ipv4AtEnd) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] pieces = part.split(":", -1);
    String last = pieces[pieces.length - 1];
    boolean dotted = ipv4AtEnd && last.indexOf('.') >= 0;
    int[] groups = new int[pieces.length + (dotted ? 1 : 0)];
    for (int i = 0; i < pieces.length - (dotted ? 1 : 0); i++) {
      groups[i] = hex(pieces[i]);
      if (groups[i] < 0) {
        return null;
      }
    }
    if (dotted) {
      byte[] v4 = ipv4(last);
      if (v4 == null) {
        return null;
      }
      groups[pieces.length - 1] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
      groups[pieces.length] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
    }
    return groups;
  }

  private static int hex(String digits) {
    if (digits.isEmpty() || digits.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      int digit = c < 128 ? Character.digit(c, 16) : -1;
      if (digit < 0) {
        return -1;
      }
      value = (value << 4) | digit;
    }
    return value;
  }

  /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
  private static String ipv6(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  private static long toInt(byte[] address) {
    return ((address[0] & 0xffL) << 24)
        | ((address[1] & 0xffL) << 16)
        | ((address[2] & 0xffL) << 8)
        | (address[3] & 0xffL);
  }
}
