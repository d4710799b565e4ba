package de.rundbrief.web.publicpages;

import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingValues;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A tenant's look on the public pages, from its settings: logo, colour, imprint and privacy policy.
 * Pages pass the tenant only once its list or link has proved valid, so that nothing is shown for a
 * tenant the visitor could not reach; without one, the global settings apply.
 */
@Named
@RequestScoped
public class PublicBranding {

  @Inject private Settings settings;

  private EffectiveSettings values;
  private String valuesOf;

  /** The settings of the tenant with this key; the global ones for none or a malformed key. */
  public PublicBranding of(String tenantKey) {
    String key = tenantKey == null || !TenantKey.isValid(tenantKey) ? "" : tenantKey;
    if (values == null || !key.equals(valuesOf)) {
      values = key.isEmpty() ? settings.global() : settings.of(TenantKey.of(key));
      valuesOf = key;
    }
    return this;
  }

  public String getLogoUrl() {
    return text(SettingKey.BRANDING_LOGO_URL);
  }

  /** The accent colour, checked as {@code #rrggbb} when it was saved, so it can go into CSS. */
  public String getColor() {
    String color = text(SettingKey.BRANDING_COLOR);
    return color.matches("#[0-9a-fA-F]{6}") ? color : SettingKey.BRANDING_COLOR.defaultValue();
  }

  /** The imprint, sanitised again as it is shown. */
  public String getImprintHtml() {
    return SettingValues.sanitiseHtml(text(SettingKey.IMPRINT_HTML));
  }

  public String getPrivacyPolicyUrl() {
    return text(SettingKey.PRIVACY_POLICY_URL);
  }

  private String text(SettingKey key) {
    return (values == null ? of(null).values : values).text(key);
  }
}
