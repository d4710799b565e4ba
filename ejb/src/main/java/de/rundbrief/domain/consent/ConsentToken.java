package de.rundbrief.domain.consent;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantScoped;
import java.time.Instant;
import java.util.Objects;

/**
 * What a confirmation or unsubscribe link stands for. On the wire it is sealed by {@link
 * ConsentTokens}: encrypted and authenticated, so its holder can neither read the ids in it nor
 * make another one.
 *
 * @param expiresAt {@code null} for a token that never expires
 * @param mailingId the mailing whose unsubscribe link it is, so that the mailing's statistics count
 *     the unsubscribe; 0 for none
 */
public record ConsentToken(
    TokenPurpose purpose,
    TenantKey tenant,
    long subscriberId,
    long listId,
    Instant expiresAt,
    long mailingId)
    implements TenantScoped {

  public ConsentToken {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(tenant, "tenant");
  }

  /** A new token for this purpose, valid from {@code now} for as long as the purpose says. */
  public static ConsentToken issue(
      TokenPurpose purpose, TenantKey tenant, long subscriberId, long listId, Instant now) {
    Instant expiry = purpose.validity() == null ? null : now.plus(purpose.validity());
    return new ConsentToken(purpose, tenant, subscriberId, listId, expiry, 0);
  }

  /** The same token, as the unsubscribe link of a mailing. */
  public ConsentToken fromMailing(long mailing) {
    if (mailing <= 0) {
      throw new IllegalArgumentException("No mailing " + mailing);
    }
    return new ConsentToken(purpose, tenant, subscriberId, listId, expiresAt, mailing);
  }

  /** The mailing whose link it is, if any. */
  public Long mailing() {
    return mailingId == 0 ? null : mailingId;
  }

  /** When the token was issued: its expiry less its purpose's validity. */
  public Instant issuedAt() {
    return expiresAt == null ? null : expiresAt.minus(purpose.validity());
  }

  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
