package de.rundbrief.domain.subscriber;

import de.rundbrief.domain.tenant.TenantKey;

/**
 * What to look for in a subscriber list. Every part is optional.
 *
 * @param text a piece of the e-mail address, first or last name, case-insensitive
 * @param status only subscribers in this status
 * @param tenant in a cross-tenant list, only this tenant's subscribers
 */
public record SubscriberFilter(String text, SubscriberStatus status, TenantKey tenant) {

  public static final SubscriberFilter NONE = new SubscriberFilter(null, null, null);

  public static SubscriberFilter text(String text) {
    return new SubscriberFilter(text, null, null);
  }

  public boolean hasText() {
    return text != null && !text.isBlank();
  }
}
