package de.rundbrief.application;

import de.rundbrief.domain.attribute.AttributeValue;
import de.rundbrief.domain.consent.ConsentEvent;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.subscriber.Subscriber;
import java.io.Serializable;
import java.util.List;

/**
 * Everything Rundbrief keeps about one subscriber: its data and field values, its subscriptions,
 * and its consent history. The subscriber detail shows it; the data export (GDPR Art. 15 and 20)
 * writes it out.
 */
public record SubscriberDetail(
    Subscriber subscriber,
    List<AttributeValue> attributes,
    List<Subscription> subscriptions,
    List<ConsentEvent> consentEvents)
    implements Serializable {

  public SubscriberDetail {
    attributes = List.copyOf(attributes);
    subscriptions = List.copyOf(subscriptions);
    consentEvents = List.copyOf(consentEvents);
  }

  public List<AttributeValue> getAttributes() {
    return attributes;
  }

  public Subscriber getSubscriber() {
    return subscriber;
  }

  public List<Subscription> getSubscriptions() {
    return subscriptions;
  }

  public List<ConsentEvent> getConsentEvents() {
    return consentEvents;
  }
}
