package de.rundbrief.domain.tracking;

import de.rundbrief.domain.consent.InvalidTokenException;

/** Seals tracking tokens into short link-safe text and opens them again. */
public interface TrackingTokens {

  String seal(TrackingToken token);

  /**
   * @throws InvalidTokenException if the text was not sealed here or was altered
   */
  TrackingToken open(String sealed);
}
