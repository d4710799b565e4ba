package de.rundbrief.domain.setting;

/**
 * A setting was changed: fired inside the changing transaction, so that this instance's cache can
 * drop its values once it has committed (other instances notice by the revision).
 */
public record SettingsChanged(SettingKey key) {}
