package de.rundbrief.domain.tracking;

/**
 * Where opens and clicks go. Recording must never keep a visitor waiting: implementations take an
 * event at once and write it later; when they cannot keep up they drop and count, never block.
 */
public interface TrackingLog {

  /**
   * @return whether the event was taken (not dropped)
   */
  boolean record(TrackingEvent event);
}
