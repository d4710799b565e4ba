package de.rundbrief.domain.statistics;

import java.io.Serializable;

/**
 * One tenant's figures for a period, for central staff's comparison side by side.
 *
 * @param subscribers subscriptions active now
 * @param subscriptions sign-ups in the period
 * @param unsubscribes subscriptions ended in the period
 * @param mailings mailings whose sending started in the period
 * @param recipients their recipients
 * @param uniqueOpens recipients of them who opened, by people
 * @param uniqueClicks recipients of them who clicked, by people
 * @param bounces hard bounces in the period
 * @param complaints spam complaints in the period
 */
public record TenantFigures(
    String tenant,
    String name,
    long subscribers,
    long subscriptions,
    long unsubscribes,
    long mailings,
    long recipients,
    long uniqueOpens,
    long uniqueClicks,
    long bounces,
    long complaints)
    implements Serializable {

  public double openRate() {
    return recipients == 0 ? 0 : (double) uniqueOpens / recipients;
  }

  public double clickRate() {
    return recipients == 0 ? 0 : (double) uniqueClicks / recipients;
  }

  // Bean getters for Faces: Jakarta EL 5 does not read record components.

  public String getTenant() {
    return tenant;
  }

  public String getName() {
    return name;
  }

  public long getSubscribers() {
    return subscribers;
  }

  public long getSubscriptions() {
    return subscriptions;
  }

  public long getUnsubscribes() {
    return unsubscribes;
  }

  public long getMailings() {
    return mailings;
  }

  public long getRecipients() {
    return recipients;
  }

  public long getBounces() {
    return bounces;
  }

  public long getComplaints() {
    return complaints;
  }

  public double getOpenRate() {
    return openRate();
  }

  public double getClickRate() {
    return clickRate();
  }
}
