package de.rundbrief.domain.tracking;

import de.rundbrief.domain.tenant.TenantKey;
import java.net.URI;
import java.util.Objects;

/**
 * What a tracked link or open pixel carries, sealed so that nobody can read or change it: which
 * tenant's mailing, which recipient (0 where the tenant tracks anonymously) and, for a click, which
 * link and where it leads. A click goes only where its own sealed token says: no open redirect.
 *
 * @param linkIndex the link's place among the mailing's tracked links; -1 for an open
 * @param target the address a click leads to; {@code null} for an open
 */
public record TrackingToken(
    TrackingKind kind,
    TenantKey tenant,
    long mailingId,
    long subscriberId,
    int linkIndex,
    URI target) {

  /** Longer addresses are not tracked: their token would be longer than a link can carry. */
  public static final int MAX_TARGET_LENGTH = 2000;

  public TrackingToken {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tenant, "tenant");
    if (kind == TrackingKind.CLICK) {
      Objects.requireNonNull(target, "target");
      String scheme = target.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("A tracked link leads to http or https only");
      }
    }
  }

  public static TrackingToken open(TenantKey tenant, long mailingId, long subscriberId) {
    return new TrackingToken(TrackingKind.OPEN, tenant, mailingId, subscriberId, -1, null);
  }

  public static TrackingToken click(
      TenantKey tenant, long mailingId, long subscriberId, int linkIndex, URI target) {
    return new TrackingToken(
        TrackingKind.CLICK, tenant, mailingId, subscriberId, linkIndex, target);
  }

  /** Whether the tenant tracked this recipient anonymously when the mail went out. */
  public boolean isAnonymous() {
    return subscriberId == 0;
  }
}
