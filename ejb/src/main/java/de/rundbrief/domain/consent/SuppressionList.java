package de.rundbrief.domain.consent;

import de.rundbrief.domain.subscriber.EmailAddress;

/**
 * Addresses of the current tenant that must not be mailed again, such as erased subscribers'. Only
 * a keyed hash of each address is kept, never the address.
 */
public interface SuppressionList {

  boolean contains(EmailAddress address);

  void add(EmailAddress address, SuppressionReason reason);

  /** The owner of the address asked again and confirmed; it may be mailed. */
  void remove(EmailAddress address);
}
