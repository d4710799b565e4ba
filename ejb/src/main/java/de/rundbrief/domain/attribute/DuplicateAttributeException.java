package de.rundbrief.domain.attribute;

import jakarta.ejb.ApplicationException;

/** The tenant has a field with this key already. */
@ApplicationException(rollback = true)
public class DuplicateAttributeException extends RuntimeException {

  public DuplicateAttributeException(String key) {
    super("A field with the key " + key + " exists already");
  }
}
