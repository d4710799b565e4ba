package de.rundbrief.domain.consent;

import jakarta.ejb.ApplicationException;

/**
 * The address is on the tenant's suppression list (its owner had it erased): staff cannot put it on
 * a list; only its owner can come back, through a subscription form and its confirmation.
 */
@ApplicationException(rollback = true)
public class SuppressedAddressException extends RuntimeException {

  public SuppressedAddressException() {
    super("This address is on the suppression list");
  }
}
