package de.rundbrief.infrastructure.tracking;

import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.tenant.InvalidTenantKeyException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.TrackingKind;
import de.rundbrief.domain.tracking.TrackingToken;
import de.rundbrief.domain.tracking.TrackingTokens;
import de.rundbrief.infrastructure.security.AesGcmSeal;
import de.rundbrief.infrastructure.security.ApplicationSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Seals tracking tokens with AES-256-GCM under a key of their own: a tracked link shows no mailing
 * or subscriber id, and a changed or made-up token fails authentication, so the redirect can only
 * ever lead where Rundbrief sent it. An open is about 70 URL-safe characters, a click that plus its
 * address.
 *
 * <p>Sealed by {@link AesGcmSeal}; inside: kind, tenant key, mailing id, subscriber id, link index
 * and, for a click, the address in UTF-8.
 */
@ApplicationScoped
public class AesGcmTrackingTokens implements TrackingTokens {

  static final String KEY_NAME = "tracking-token";

  private static final byte FORMAT = 1;
  private static final int MAX_TOKEN_CHARS = 4096;

  private AesGcmSeal box;

  protected AesGcmTrackingTokens() {}

  @Inject
  public AesGcmTrackingTokens(ApplicationSecrets secrets) {
    this(secrets.key(KEY_NAME));
  }

  /** With a key of its own, outside the container. */
  public AesGcmTrackingTokens(byte[] key) {
    this.box = new AesGcmSeal(key, "", FORMAT);
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
    return box.seal(plain.array());
  }

  @Override
  public TrackingToken open(String sealed) {
    byte[] opened =
        box.open(sealed, MAX_TOKEN_CHARS).orElseThrow(() -> new InvalidTokenException(false));
    try {
      ByteBuffer plain = ByteBuffer.wrap(opened);
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
    } catch (IllegalArgumentException
        | NullPointerException
        | BufferUnderflowException
        | IndexOutOfBoundsException
        | NegativeArraySizeException
        | InvalidTenantKeyException e) {
      throw new InvalidTokenException(false);
    }
  }
}
