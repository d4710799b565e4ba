package de.rundbrief.web.settings;

import de.rundbrief.application.SettingView;
import de.rundbrief.domain.setting.InvalidSettingValueException;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingType;
import de.rundbrief.web.shell.Messages;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.function.Supplier;

/** What both settings screens share: the setting being edited, its input, and texts about it. */
abstract class SettingDialog implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The client id of the dialog's value input, for messages. */
  static final String VALUE_INPUT = "settingForm:value";

  private static final Set<SettingType> MULTI_LINE =
      EnumSet.of(
          SettingType.LONG_TEXT, SettingType.HTML, SettingType.DOMAIN_LIST, SettingType.HOST_LIST);

  private SettingView edited;
  private String value;

  /** Opens the dialog on a setting with the value of the screen's level. */
  void open(SettingView setting, String levelValue) {
    edited = setting;
    value = levelValue;
  }

  /**
   * Runs a change; an invalid value becomes a message at the input, in the screen's language.
   *
   * @return whether it went through
   */
  boolean change(Supplier<SettingView> change) {
    try {
      change.get();
      return true;
    } catch (InvalidSettingValueException e) {
      Messages.fieldError(VALUE_INPUT, invalidText(e.getKey()));
      return false;
    }
  }

  private static String invalidText(SettingKey key) {
    try {
      return Messages.text("settings.invalid." + key.name());
    } catch (MissingResourceException e) {
      return Messages.text("settings.invalid." + key.type().name());
    }
  }

  public SettingView getEdited() {
    return edited;
  }

  public SettingKey getEditedKey() {
    return edited == null ? null : edited.getKey();
  }

  public boolean isMultiLine() {
    return edited != null && MULTI_LINE.contains(edited.getType());
  }

  public boolean isChoice() {
    return edited != null && edited.getType() == SettingType.CHOICE;
  }

  /** The values a choice setting takes. */
  public List<String> getChoices() {
    return edited == null ? List.of() : edited.getKey().choices();
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
