package de.rundbrief.domain.statistics;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One day of a list's or tenant's growth.
 *
 * @param subscriptions sign-ups: requests on double opt-in lists and direct subscriptions
 * @param confirmations double opt-in confirmations
 * @param unsubscribes subscriptions ended, by the subscriber or a complaint
 * @param bounces addresses marked bounced for good
 */
public record GrowthDay(
    LocalDate day, long subscriptions, long confirmations, long unsubscribes, long bounces)
    implements Serializable {}
