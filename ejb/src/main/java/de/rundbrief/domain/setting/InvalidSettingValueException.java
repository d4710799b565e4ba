package de.rundbrief.domain.setting;

import jakarta.ejb.ApplicationException;

/** A value that does not fit its setting's type; the message says why. */
@ApplicationException(rollback = true)
public class InvalidSettingValueException extends RuntimeException {

  private final SettingKey key;

  public InvalidSettingValueException(SettingKey key, String reason) {
    super(key.name() + ": " + reason);
    this.key = key;
  }

  public SettingKey getKey() {
    return key;
  }
}
