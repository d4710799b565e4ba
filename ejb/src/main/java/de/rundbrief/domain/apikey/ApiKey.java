package de.rundbrief.domain.apikey;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An API key of one tenant: its name, the hash of its secret, and whether it was revoked. */
@Entity
@Table(name = "API_KEY")
@SequenceGenerator(name = "api_key_seq", sequenceName = "API_KEY_SEQ", allocationSize = 50)
public class ApiKey extends TenantOwnedEntity {

  public static final int NAME_MAX_LENGTH = 200;

  /** The key as integrations send it: {@code Authorization: Bearer rbk_nord_4711_…}. */
  private static final Pattern KEY =
      Pattern.compile("rbk_(" + TenantKey.PATTERN + ")_(\\d{1,18})_([A-Za-z0-9_-]{43})");

  private static final SecureRandom RANDOM = new SecureRandom();

  /** How often the last use is written at most. */
  private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  /** The parts of a presented key. */
  public record Presented(TenantKey tenant, long id, String secret) {}

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
  @Column(name = "ID")
  private Long id;

  @Column(name = "NAME", nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  @Column(name = "SECRET_HASH", nullable = false, length = 64)
  private String secretHash;

  @Column(name = "CREATED_AT", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "CREATED_BY", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "REVOKED_AT")
  private OffsetDateTime revokedAt;

  @Column(name = "LAST_USED_AT")
  private OffsetDateTime lastUsedAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  /** Not stored: only a new key knows its secret. */
  private transient String secret;

  protected ApiKey() {}

  /**
   * A new key with a fresh secret of 256 random bits; {@link #secret()} gives the secret once, for
   * the key to be shown.
   */
  public ApiKey(String name, String createdBy, Instant at) {
    if (name == null || name.isBlank() || name.strip().length() > NAME_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "An API key needs a name of at most " + NAME_MAX_LENGTH + " characters");
    }
    this.name = name.strip();
    this.createdBy = createdBy;
    this.createdAt = at.atOffset(ZoneOffset.UTC);
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    this.secretHash = hash(secret);
  }

  /** The key to show once, after the entity has its id and tenant. */
  public String reveal(TenantKey tenant) {
    if (secret == null) {
      throw new IllegalStateException("A key's secret is shown only when it is issued");
    }
    return "rbk_" + tenant.value() + "_" + id + "_" + secret;
  }

  /** The parts of what a request presented, if it has the shape of a key. */
  public static Optional<Presented> parse(String presented) {
    if (presented == null) {
      return Optional.empty();
    }
    Matcher key = KEY.matcher(presented.strip());
    if (!key.matches() || !TenantKey.isValid(key.group(1))) {
      return Optional.empty();
    }
    return Optional.of(
        new Presented(TenantKey.of(key.group(1)), Long.parseLong(key.group(2)), key.group(3)));
  }

  /** Whether the secret is this key's and the key is not revoked; compared in constant time. */
  public boolean accepts(String presentedSecret) {
    return revokedAt == null
        && MessageDigest.isEqual(
            hash(presentedSecret).getBytes(StandardCharsets.US_ASCII),
            secretHash.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Notes a use, at most once a minute, so that busy integrations do not write on every call.
   *
   * @return whether this use was noted
   */
  public boolean used(Instant at) {
    if (lastUsedAt == null
        || Duration.between(lastUsedAt.toInstant(), at).compareTo(USE_RECORDED_EVERY) >= 0) {
      lastUsedAt = at.atOffset(ZoneOffset.UTC);
      return true;
    }
    return false;
  }

  public void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at.atOffset(ZoneOffset.UTC);
    }
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getRevokedAt() {
    return revokedAt == null ? null : revokedAt.toInstant();
  }

  public Instant getLastUsedAt() {
    return lastUsedAt == null ? null : lastUsedAt.toInstant();
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }
}
