package de.rundbrief.domain.tracking;

import java.io.Serializable;
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

  /**
   * Opens and clicks of people per hour (UTC), in the {@value #TIMELINE_HOURS} hours from the first
   * with any; hours without any are left out.
   */
  List<HourlyCounts> timeline(long mailingId);

  /** The longest timeline, in hours: two weeks. */
  int TIMELINE_HOURS = 336;

  /** One hour of a timeline. */
  record HourlyCounts(java.time.Instant hour, long opens, long clicks) implements Serializable {}

  /** The bounce mailbox's reports about one mailing, by kind. */
  MailingStatistics.Bounces bounces(long mailingId);

  /**
   * Subscribers who left a list through the mailing's unsubscribe links (page, one-click or
   * preferences) or by a complaint about it; someone leaving several lists counts once.
   */
  long unsubscribes(long mailingId);

  /** One subscriber's opens and clicks, newest first, at most {@value #EVENTS_OF_ONE}. */
  List<TrackingEvent> eventsOf(long subscriberId);

  /** The most events shown or exported of one subscriber. */
  int EVENTS_OF_ONE = 10_000;
}
