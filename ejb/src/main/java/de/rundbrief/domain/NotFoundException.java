package de.rundbrief.domain;

/**
 * A record that does not exist for the caller: missing, or in a tenant it may not see. Adapters
 * answer all of them alike (404), so that nothing reveals which records exist.
 */
public abstract class NotFoundException extends RuntimeException {

  protected NotFoundException(String message) {
    super(message);
  }
}
