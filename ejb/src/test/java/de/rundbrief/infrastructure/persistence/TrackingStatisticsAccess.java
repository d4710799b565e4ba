package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.tracking.TrackingStatistics;
import jakarta.persistence.EntityManager;

/** The statistics over one entity manager, for tests of other packages. */
public final class TrackingStatisticsAccess {

  private TrackingStatisticsAccess() {}

  public static TrackingStatistics of(EntityManager em) {
    return new JpaTrackingStatistics(em);
  }
}
