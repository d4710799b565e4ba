package de.rundbrief.domain.consent;

import java.util.List;

/** The consent events of the tenant the current call works in. */
public interface ConsentLog {

  void record(ConsentEvent event);

  /** A subscriber's events, oldest first. */
  List<ConsentEvent> history(long subscriberId);
}
