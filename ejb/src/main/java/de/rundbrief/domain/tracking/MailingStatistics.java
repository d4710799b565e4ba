package de.rundbrief.domain.tracking;

import java.io.Serializable;
import java.util.List;

/**
 * What a mailing achieved, from aggregate queries in the database. Opens and clicks come as human
 * and machine counts apart (see {@link MachineRules}); unique counts count recipients, and are 0
 * where the tenant tracked anonymously.
 *
 * @param sent messages the mail server accepted
 * @param failed recipients whose mail server refused for good
 * @param bounces the bounce mailbox's reports about this mailing, by kind
 * @param unsubscribes subscribers who left through this mailing's links or by a complaint about it
 */
public record MailingStatistics(
    long mailingId,
    long sent,
    long failed,
    Bounces bounces,
    long unsubscribes,
    Counts opens,
    Counts clicks,
    List<LinkClicks> links,
    List<TrackingStatistics.HourlyCounts> timeline)
    implements Serializable {

  /** Reports of the bounce mailbox about one mailing. */
  public record Bounces(long hard, long soft, long complaints, long autoReplies)
      implements Serializable {

    public static final Bounces NONE = new Bounces(0, 0, 0, 0);

    public long getHard() {
      return hard;
    }

    public long getSoft() {
      return soft;
    }

    public long getComplaints() {
      return complaints;
    }
  }

  /** Sent messages that did not bounce. */
  public long delivered() {
    return Math.max(0, sent - bounces.hard() - bounces.soft());
  }

  public long getDelivered() {
    return delivered();
  }

  public Bounces getBounces() {
    return bounces;
  }

  /** Totals and unique recipients, by people and by machines. */
  public record Counts(long total, long unique, long machineTotal, long machineUnique)
      implements Serializable {

    public static final Counts NONE = new Counts(0, 0, 0, 0);

    // Bean getters for Faces: Jakarta EL 5 does not read record components.

    public long getTotal() {
      return total;
    }

    public long getUnique() {
      return unique;
    }

    public long getMachineTotal() {
      return machineTotal;
    }
  }

  /** One link of the body with the clicks of people on it. */
  public record LinkClicks(int index, String url, long total, long unique) implements Serializable {

    public int getIndex() {
      return index;
    }

    public String getUrl() {
      return url;
    }

    public long getTotal() {
      return total;
    }

    public long getUnique() {
      return unique;
    }
  }

  /** Unique human opens per sent message, 0 to 1. */
  public double openRate() {
    return sent == 0 ? 0 : (double) opens.unique() / sent;
  }

  /** Unique human clicks per sent message, 0 to 1. */
  public double clickRate() {
    return sent == 0 ? 0 : (double) clicks.unique() / sent;
  }

  /** Unsubscribes per delivered message, 0 to 1. */
  public double unsubscribeRate() {
    return delivered() == 0 ? 0 : Math.min(1, (double) unsubscribes / delivered());
  }

  public long getUnsubscribes() {
    return unsubscribes;
  }

  public double getUnsubscribeRate() {
    return unsubscribeRate();
  }

  /** Unique human clicks per unique human open, 0 to 1. */
  public double clickToOpenRate() {
    return opens.unique() == 0 ? 0 : (double) clicks.unique() / opens.unique();
  }

  public long getSent() {
    return sent;
  }

  public long getFailed() {
    return failed;
  }

  public Counts getOpens() {
    return opens;
  }

  public Counts getClicks() {
    return clicks;
  }

  public List<TrackingStatistics.HourlyCounts> getTimeline() {
    return timeline;
  }

  public List<LinkClicks> getLinks() {
    return links;
  }

  public double getOpenRate() {
    return openRate();
  }

  public double getClickRate() {
    return clickRate();
  }

  public double getClickToOpenRate() {
    return clickToOpenRate();
  }
}
