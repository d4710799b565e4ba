package de.rundbrief.infrastructure.consent;

import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.consent.ConsentTokens;
import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.consent.TokenPurpose;
import de.rundbrief.domain.tenant.InvalidTenantKeyException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.security.AesGcmSeal;
import de.rundbrief.infrastructure.security.ApplicationSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Seals tokens with AES-256-GCM: a link carries no readable id, and any change to it, or a token
 * made without the key, fails authentication. About 90 URL-safe characters.
 *
 * <p>Sealed by {@link AesGcmSeal}; inside: purpose, tenant key, subscriber id, list id and expiry
 * (epoch seconds, 0 for none), and for a mailing's unsubscribe link the mailing id. Tokens without
 * it, as every link sent before mailings were named, open as before.
 */
@ApplicationScoped
public class AesGcmConsentTokens implements ConsentTokens {

  static final String KEY_NAME = "consent-token";

  private static final byte FORMAT = 1;
  private static final int MAX_TOKEN_CHARS = 512;

  private AesGcmSeal box;
  private Clock clock;

  protected AesGcmConsentTokens() {}

  @Inject
  public AesGcmConsentTokens(ApplicationSecrets secrets, Clock clock) {
    this(secrets.key(KEY_NAME), clock);
  }

  /** With a key of its own, outside the container. */
  public AesGcmConsentTokens(byte[] key, Clock clock) {
    this.box = new AesGcmSeal(key, "", FORMAT);
    this.clock = clock;
  }

  @Override
  public String seal(ConsentToken token) {
    byte[] tenant = token.tenant().value().getBytes(StandardCharsets.US_ASCII);
    int mailing = token.mailingId() == 0 ? 0 : 8;
    ByteBuffer plain = ByteBuffer.allocate(1 + 1 + tenant.length + 8 + 8 + 8 + mailing);
    plain.put((byte) token.purpose().ordinal());
    plain.put((byte) tenant.length).put(tenant);
    plain.putLong(token.subscriberId()).putLong(token.listId());
    plain.putLong(token.expiresAt() == null ? 0 : token.expiresAt().getEpochSecond());
    if (mailing > 0) {
      plain.putLong(token.mailingId());
    }
    return box.seal(plain.array());
  }

  @Override
  public ConsentToken open(String sealed) {
    byte[] opened =
        box.open(sealed, MAX_TOKEN_CHARS).orElseThrow(() -> new InvalidTokenException(false));
    ConsentToken token;
    try {
      ByteBuffer plain = ByteBuffer.wrap(opened);
      TokenPurpose purpose = TokenPurpose.values()[plain.get()];
      byte[] tenant = new byte[plain.get()];
      plain.get(tenant);
      long subscriberId = plain.getLong();
      long listId = plain.getLong();
      long expiry = plain.getLong();
      long mailingId = plain.remaining() == 8 ? plain.getLong() : 0;
      if (plain.hasRemaining() || mailingId < 0) {
        throw new InvalidTokenException(false);
      }
      token =
          new ConsentToken(
              purpose,
              TenantKey.of(new String(tenant, StandardCharsets.US_ASCII)),
              subscriberId,
              listId,
              expiry == 0 ? null : Instant.ofEpochSecond(expiry),
              mailingId);
    } catch (BufferUnderflowException
        | IndexOutOfBoundsException
        | NegativeArraySizeException
        | InvalidTenantKeyException e) {
      throw new InvalidTokenException(false);
    }
    if (token.isExpiredAt(clock.instant())) {
      throw new InvalidTokenException(true);
    }
    return token;
  }
}
