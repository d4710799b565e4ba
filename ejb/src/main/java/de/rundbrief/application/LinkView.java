package de.rundbrief.application;

import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import java.io.Serializable;

/**
 * What a confirmation or unsubscribe link is about.
 *
 * @param maskedEmail the address with most of it hidden ({@code j…@example.org}), enough for its
 *     owner to recognise it and no more for someone who was forwarded the mail
 */
public record LinkView(
    String tenantName, String listName, String maskedEmail, SubscriptionStatus status)
    implements Serializable {

  public String getTenantName() {
    return tenantName;
  }

  public String getListName() {
    return listName;
  }

  public String getMaskedEmail() {
    return maskedEmail;
  }

  public SubscriptionStatus getStatus() {
    return status;
  }
}
