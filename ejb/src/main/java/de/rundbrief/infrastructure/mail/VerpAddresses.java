package de.rundbrief.infrastructure.mail;

import de.rundbrief.domain.tenant.TenantKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Return-Path addresses that name the mailing and the recipient (VERP): {@code
 * bounces+rb.nord.4711.815.9f2c41d07a@news.example.com} for bounce address {@code
 * bounces@news.example.com}, tenant {@code nord}, mailing 4711 and subscriber 815. The last part is
 * an HMAC-SHA256 tag under the installation's key {@value #KEY_NAME}, so a bounce handler believes
 * only addresses Rundbrief made: nobody can forge a bounce that marks someone else's subscriber.
 * Lower case throughout, since some mail servers change the case of local parts.
 */
public final class VerpAddresses {

  /** The name of the key in the application's secrets. */
  public static final String KEY_NAME = "verp";

  private static final String ALGORITHM = "HmacSHA256";
  private static final int TAG_HEX_DIGITS = 10;
  private static final Pattern VERP =
      Pattern.compile(
          "(.+)\\+rb\\.([a-z][a-z0-9-]*)\\.(\\d{1,18})\\.(\\d{1,18})\\.([0-9a-f]{10})@(.+)");

  /** Who a bounce is about. */
  public record Recipient(TenantKey tenant, long mailingId, long subscriberId) {}

  private final SecretKeySpec key;

  public VerpAddresses(byte[] key) {
    this.key = new SecretKeySpec(Objects.requireNonNull(key, "key").clone(), ALGORITHM);
  }

  /** The Return-Path for one recipient, made from the bounce address IT gave the mail session. */
  public String encode(String bounceAddress, TenantKey tenant, long mailingId, long subscriberId) {
    int at = bounceAddress.lastIndexOf('@');
    if (at < 1) {
      throw new IllegalArgumentException("Not an address: " + bounceAddress);
    }
    String local = bounceAddress.substring(0, at);
    String domain = bounceAddress.substring(at + 1);
    String id = tenant.value() + "." + mailingId + "." + subscriberId;
    return (local + "+rb." + id + "." + tag(id) + "@" + domain).toLowerCase(Locale.ROOT);
  }

  /** The recipient an address names, if Rundbrief made it. */
  public Optional<Recipient> decode(String address) {
    if (address == null) {
      return Optional.empty();
    }
    Matcher verp = VERP.matcher(address.strip().toLowerCase(Locale.ROOT));
    if (!verp.matches() || !TenantKey.isValid(verp.group(2))) {
      return Optional.empty();
    }
    String id = verp.group(2) + "." + verp.group(3) + "." + verp.group(4);
    if (!MessageDigest.isEqual(
        tag(id).getBytes(StandardCharsets.US_ASCII),
        verp.group(5).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    return Optional.of(
        new Recipient(
            TenantKey.of(verp.group(2)),
            Long.parseLong(verp.group(3)),
            Long.parseLong(verp.group(4))));
  }

  private String tag(String id) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of()
          .formatHex(mac.doFinal(id.getBytes(StandardCharsets.US_ASCII)))
          .substring(0, TAG_HEX_DIGITS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
