package de.rundbrief.domain.mailinglist;

import jakarta.ejb.ApplicationException;

/**
 * A public list without a consent text: whoever subscribes through a form agrees to that text, and
 * the consent record keeps it as proof, so a public list never goes without one.
 */
@ApplicationException(rollback = true)
public class ConsentTextRequiredException extends RuntimeException {

  public ConsentTextRequiredException() {
    super("A public list needs a consent text");
  }
}
