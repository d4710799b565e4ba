package de.rundbrief.infrastructure.tracking;

import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.tenant.InvalidTenantKeyException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.TrackingKind;
import de.rundbrief.domain.tracking.TrackingToken;
import de.rundbrief.domain.tracking.TrackingTokens;
import de.rundbrief.infrastructure.security.ApplicationSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals tracking tokens with AES-256-GCM under a key of their own: a tracked link shows no mailing
 * or subscriber id, and a changed or made-up token fails authentication, so the redirect can only
 * ever lead where Rundbrief sent it. An open is about 70 URL-safe characters, a click that plus its
 * address.
 *
 * <p>Layout before Base64url: format byte, 12-byte nonce, then the encrypted kind, tenant key,
 * mailing id, subscriber id, link index and, for a click, the address in UTF-8, followed by the
 * 16-byte tag.
 */
@ApplicationScoped
public class AesGcmTrackingTokens implements TrackingTokens {

  static final String KEY_NAME = "tracking-token";

  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int MAX_TOKEN_CHARS = 4096;

  private final SecureRandom random = new SecureRandom();
  private SecretKeySpec key;

  protected AesGcmTrackingTokens() {}

  @Inject
  public AesGcmTrackingTokens(ApplicationSecrets secrets) {
    this(secrets.key(KEY_NAME));
  }

  /** With a key of its own, outside the container. */
  public AesGcmTrackingTokens(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  @Override
  public String seal(TrackingToken token) {
    byte[] tenant = token.tenant().value().getBytes(StandardCharsets.US_ASCII);
    byte[] target =
        token.target() == null
            ? new byte[0]
            : token.target().toString().getBytes(StandardCharsets.UTF_8);
    ByteBuffer plain = ByteBuffer.allocate(1 + 1 + tenant.length + 8 + 8 + 4 + target.length);
    plain.put((byte) token.kind().ordinal());
    plain.put((byte) tenant.length).put(tenant);
    plain.putLong(token.mailingId()).putLong(token.subscriberId()).putInt(token.linkIndex());
    plain.put(target);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(plain.array());
      ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
      out.put(FORMAT).put(nonce).put(sealed);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a tracking token", e);
    }
  }

  @Override
  public TrackingToken open(String sealed) {
    if (sealed == null || sealed.isEmpty() || sealed.length() > MAX_TOKEN_CHARS) {
      throw new InvalidTokenException(false);
    }
    try {
      byte[] raw = Base64.getUrlDecoder().decode(sealed);
      // only the one canonical spelling counts, so that an altered link cannot still work
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
      TrackingKind kind = TrackingKind.values()[plain.get()];
      byte[] tenant = new byte[plain.get()];
      plain.get(tenant);
      long mailingId = plain.getLong();
      long subscriberId = plain.getLong();
      int linkIndex = plain.getInt();
      byte[] target = new byte[plain.remaining()];
      plain.get(target);
      return new TrackingToken(
          kind,
          TenantKey.of(new String(tenant, StandardCharsets.US_ASCII)),
          mailingId,
          subscriberId,
          linkIndex,
          kind == TrackingKind.CLICK
              ? URI.create(new String(target, StandardCharsets.UTF_8))
              : null);
    } catch (AEADBadTagException
        | IllegalArgumentException
        | NullPointerException
        | BufferUnderflowException
        | IndexOutOfBoundsException
        | NegativeArraySizeException
        | InvalidTenantKeyException e) {
      throw new InvalidTokenException(false);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot open a tracking token", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    return cipher;
  }
}
