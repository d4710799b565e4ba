package de.rundbrief.domain.subscriber;

import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.tenant.TenantKey;

/**
 * What to look for in a subscriber list. Every part is optional.
 *
 * @param text a piece of the e-mail address, first or last name, case-insensitive
 * @param status only subscribers in this status
 * @param tenant in a cross-tenant list, only this tenant's subscribers
 * @param segment only the subscribers this segment selects (inside one tenant)
 * @param emailAfter only addresses after this one, for reading a long result page by page in
 *     address order (keyset paging, as exports do)
 */
public record SubscriberFilter(
    String text,
    SubscriberStatus status,
    TenantKey tenant,
    SegmentDefinition segment,
    String emailAfter) {

  public static final SubscriberFilter NONE = new SubscriberFilter(null, null, null);

  public SubscriberFilter(String text, SubscriberStatus status, TenantKey tenant) {
    this(text, status, tenant, null, null);
  }

  public SubscriberFilter(
      String text, SubscriberStatus status, TenantKey tenant, SegmentDefinition segment) {
    this(text, status, tenant, segment, null);
  }

  /** The same filter for the addresses after this one. */
  public SubscriberFilter after(String email) {
    return new SubscriberFilter(text, status, tenant, segment, email);
  }

  public static SubscriberFilter segment(SegmentDefinition segment) {
    return new SubscriberFilter(null, null, null, segment, null);
  }

  public static SubscriberFilter text(String text) {
    return new SubscriberFilter(text, null, null);
  }

  public boolean hasText() {
    return text != null && !text.isBlank();
  }
}
