/**
 * Settings shared by all tenants: one value per {@link de.rundbrief.domain.setting.SettingKey} set
 * by central administrators, and, where they allow it for a key, a tenant's own value that its
 * administrator sets. {@link de.rundbrief.domain.setting.EffectiveSettings} resolves the two
 * levels; {@link de.rundbrief.domain.setting.Settings} is how the rest of Rundbrief reads them.
 */
package de.rundbrief.domain.setting;
