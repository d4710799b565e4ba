package de.rundbrief.domain.consent;

/** Seals tokens into link-safe text and opens them again. */
public interface ConsentTokens {

  String seal(ConsentToken token);

  /**
   * @throws InvalidTokenException if the text was not sealed here, was altered, or has expired
   */
  ConsentToken open(String sealed);
}
