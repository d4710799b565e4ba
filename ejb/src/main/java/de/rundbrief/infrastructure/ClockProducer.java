package de.rundbrief.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock that stamps records, replaceable in tests. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  public Clock clock() {
    return Clock.systemUTC();
  }
}
