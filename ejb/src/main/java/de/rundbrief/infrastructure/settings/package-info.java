/**
 * How settings are read: {@link de.rundbrief.infrastructure.settings.CachedSettings} keeps each
 * instance's effective settings in memory and reloads them when the revision row in the database
 * shows a change made on any instance ({@link de.rundbrief.infrastructure.settings.SettingsCache}).
 */
package de.rundbrief.infrastructure.settings;
