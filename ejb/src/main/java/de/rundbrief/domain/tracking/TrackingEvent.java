package de.rundbrief.domain.tracking;

import de.rundbrief.domain.tenant.TenantKey;
import java.time.Instant;

/**
 * One open or click as it is recorded.
 *
 * @param subscriberId {@code null} where the tenant tracks anonymously
 * @param linkIndex the link's place among the mailing's tracked links; {@code null} for an open
 * @param ip as the tenant's setting keeps it: shortened, or {@code null}
 * @param machine whether the request itself shows a machine (see {@link MachineRules}); the time
 *     since delivery is judged when the event is written, where the recipient's sending time is at
 *     hand
 */
public record TrackingEvent(
    TenantKey tenant,
    long mailingId,
    Long subscriberId,
    TrackingKind kind,
    Integer linkIndex,
    Instant occurredAt,
    String ip,
    String userAgent,
    boolean machine) {

  /** User agents are kept to this many characters. */
  public static final int USER_AGENT_LENGTH = 300;

  public TrackingEvent {
    if (userAgent != null && userAgent.length() > USER_AGENT_LENGTH) {
      userAgent = userAgent.substring(0, USER_AGENT_LENGTH);
    }
  }
}
