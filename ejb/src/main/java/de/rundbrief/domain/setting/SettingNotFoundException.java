package de.rundbrief.domain.setting;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No setting of this name. */
@ApplicationException(rollback = true)
public class SettingNotFoundException extends NotFoundException {

  public SettingNotFoundException(String name) {
    super("No setting " + name);
  }
}
