package de.rundbrief.domain.tracking;

import java.util.List;

/** Aggregates over the current tenant's tracking events. */
public interface TrackingStatistics {

  /** Opens by people and by machines of one mailing. */
  MailingStatistics.Counts opens(long mailingId);

  /** Clicks by people and by machines of one mailing. */
  MailingStatistics.Counts clicks(long mailingId);

  /**
   * Clicks by people per link; {@code urls} are the mailing's links in order, by index.
   *
   * @return one entry per link, in order, also those nobody clicked
   */
  List<MailingStatistics.LinkClicks> links(long mailingId, List<String> urls);

  /** The bounce mailbox's reports about one mailing, by kind. */
  MailingStatistics.Bounces bounces(long mailingId);

  /** One subscriber's opens and clicks, newest first, at most {@value #EVENTS_OF_ONE}. */
  List<TrackingEvent> eventsOf(long subscriberId);

  /** The most events shown or exported of one subscriber. */
  int EVENTS_OF_ONE = 10_000;
}
