package de.rundbrief.infrastructure.consent;

import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.consent.ConsentTokens;
import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.consent.TokenPurpose;
import de.rundbrief.domain.tenant.InvalidTenantKeyException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.security.ApplicationSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals tokens with AES-256-GCM: a link carries no readable id, and any change to it, or a token
 * made without the key, fails authentication. About 90 URL-safe characters.
 *
 * <p>Layout before Base64url: format byte, 12-byte nonce, then the encrypted purpose, tenant key,
 * subscriber id, list id and expiry (epoch seconds, 0 for none), followed by the 16-byte tag.
 */
@ApplicationScoped
public class AesGcmConsentTokens implements ConsentTokens {

  static final String KEY_NAME = "consent-token";

  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int MAX_TOKEN_CHARS = 512;

  private final SecureRandom random = new SecureRandom();
  private SecretKeySpec key;
  private Clock clock;

  protected AesGcmConsentTokens() {}

  @Inject
  public AesGcmConsentTokens(ApplicationSecrets secrets, Clock clock) {
    this(secrets.key(KEY_NAME), clock);
  }

  /** With a key of its own, outside the container. */
  public AesGcmConsentTokens(byte[] key, Clock clock) {
    this.key = new SecretKeySpec(key, "AES");
    this.clock = clock;
  }

  @Override
  public String seal(ConsentToken token) {
    byte[] tenant = token.tenant().value().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer plain = ByteBuffer.allocate(1 + 1 + tenant.length + 8 + 8 + 8);
    plain.put((byte) token.purpose().ordinal());
    plain.put((byte) tenant.length).put(tenant);
    plain.putLong(token.subscriberId()).putLong(token.listId());
    plain.putLong(token.expiresAt() == null ? 0 : token.expiresAt().getEpochSecond());
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
      byte[] sealed = cipher.doFinal(plain.array());
      ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
      out.put(FORMAT).put(nonce).put(sealed);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a token", e);
    }
  }

  @Override
  public ConsentToken open(String sealed) {
    if (sealed == null || sealed.isEmpty() || sealed.length() > MAX_TOKEN_CHARS) {
      throw new InvalidTokenException(false);
    }
    try {
      byte[] raw = Base64.getUrlDecoder().decode(sealed);
      // the decoder ignores the unused low bits of the last character; only the one canonical
      // spelling of a token is accepted, so that a link cannot be altered and still work
      if (!Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(sealed)) {
        throw new InvalidTokenException(false);
      }
      ByteBuffer in = ByteBuffer.wrap(raw);
      if (in.get() != FORMAT) {
        throw new InvalidTokenException(false);
      }
      byte[] nonce = new byte[NONCE_BYTES];
      in.get(nonce);
      byte[] rest = new byte[in.remaining()];
      in.get(rest);
      ByteBuffer plain = ByteBuffer.wrap(cipher(Cipher.DECRYPT_MODE, nonce).doFinal(rest));
      TokenPurpose purpose = TokenPurpose.values()[plain.get()];
      byte[] tenant = new byte[plain.get()];
      plain.get(tenant);
      long subscriberId = plain.getLong();
      long listId = plain.getLong();
      long expiry = plain.getLong();
      ConsentToken token =
          new ConsentToken(
              purpose,
              TenantKey.of(new String(tenant, StandardCharsets.US_ASCII)),
              subscriberId,
              listId,
              expiry == 0 ? null : Instant.ofEpochSecond(expiry));
      if (token.isExpiredAt(clock.instant())) {
        throw new InvalidTokenException(true);
      }
      return token;
    } catch (AEADBadTagException
        | IllegalArgumentException
        | BufferUnderflowException
        | IndexOutOfBoundsException
        | NegativeArraySizeException
        | InvalidTenantKeyException e) {
      throw new InvalidTokenException(false);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot open a token", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    return cipher;
  }
}
