package de.rundbrief.domain.subscriber;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No subscriber with this id in the current tenant (whether or not another tenant has one). */
@ApplicationException(rollback = true)
public class SubscriberNotFoundException extends NotFoundException {

  public SubscriberNotFoundException(long id) {
    super("No subscriber " + id);
  }
}
