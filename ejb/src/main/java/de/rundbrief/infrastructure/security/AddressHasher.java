package de.rundbrief.infrastructure.security;

import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.tenant.TenantKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash by which a tenant's suppression list knows an address: HMAC-SHA256 under the
 * installation's key {@value #KEY_NAME} of the tenant's key, a zero byte and the normalised
 * address. It cannot be turned back into the address, and the same address hashes differently in
 * every tenant. One instance hashes for one tenant; it is not thread-safe.
 */
public final class AddressHasher {

  /** The name of the key in {@link ApplicationSecrets}. */
  public static final String KEY_NAME = "address-hash";

  private static final String ALGORITHM = "HmacSHA256";

  private final Mac mac;
  private final byte[] prefix;

  public AddressHasher(byte[] key, TenantKey tenant) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(tenant, "tenant");
    try {
      this.mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
    byte[] tenantBytes = tenant.value().getBytes(StandardCharsets.UTF_8);
    this.prefix = new byte[tenantBytes.length + 1];
    System.arraycopy(tenantBytes, 0, prefix, 0, tenantBytes.length);
  }

  /** The 32 bytes of the hash. */
  public byte[] hash(EmailAddress address) {
    mac.update(prefix);
    return mac.doFinal(address.value().getBytes(StandardCharsets.UTF_8));
  }

  /** The hash as 64 lower-case hex digits, as the suppression list stores it. */
  public String hex(EmailAddress address) {
    return HexFormat.of().formatHex(hash(address));
  }
}
