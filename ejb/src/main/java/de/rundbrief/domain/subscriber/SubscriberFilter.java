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
 */
public record SubscriberFilter(
    String text, SubscriberStatus status, TenantKey tenant, SegmentDefinition segment) {

  public static final SubscriberFilter NONE = new SubscriberFilter(null, null, null);

  public SubscriberFilter(String text, SubscriberStatus status, TenantKey tenant) {
    this(text, status, tenant, null);
  }

  public static SubscriberFilter segment(SegmentDefinition segment) {
    return new SubscriberFilter(null, null, null, segment);
  }

  public static SubscriberFilter text(String text) {
    return new SubscriberFilter(text, null, null);
  }

  public boolean hasText() {
    return text != null && !text.isBlank();
  }
}
