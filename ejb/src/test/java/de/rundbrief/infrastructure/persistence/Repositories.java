package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.importing.ImportJobRepository;
import de.rundbrief.domain.mailing.MailingRepository;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import de.rundbrief.domain.tracking.TrackingStatistics;
import jakarta.persistence.EntityManager;

/** The JPA repositories over one entity manager, for tests of other packages. */
public final class Repositories {

  private Repositories() {}

  public static TrackingStatistics trackingStatistics(EntityManager em) {
    return new JpaTrackingStatistics(em);
  }

  public static MailingRepository mailings(EntityManager em) {
    return new JpaMailingRepository(em);
  }

  public static ImportJobRepository importJobs(EntityManager em) {
    return new JpaImportJobRepository(em);
  }

  public static SubscriberRepository subscribers(EntityManager em) {
    return new JpaSubscriberRepository(em, em);
  }
}
