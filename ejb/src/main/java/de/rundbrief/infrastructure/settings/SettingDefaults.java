package de.rundbrief.infrastructure.settings;

import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.infrastructure.consent.ConsentLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The defaults that the server's configuration gives settings, in place of their built-in ones:
 * {@link SettingKey#PUBLIC_BASE_URL} is the system property {@value
 * ConsentLinks#BASE_URL_PROPERTY}, which IT must set, until central administrators set a value.
 */
@ApplicationScoped
public class SettingDefaults {

  private Map<SettingKey, String> values;

  protected SettingDefaults() {}

  @Inject
  public SettingDefaults(@ConfigProperty(name = ConsentLinks.BASE_URL_PROPERTY) String baseUrl) {
    Map<SettingKey, String> map = new EnumMap<>(SettingKey.class);
    map.put(SettingKey.PUBLIC_BASE_URL, baseUrl.strip().replaceAll("/+$", ""));
    this.values = Map.copyOf(map);
  }

  /** Values by key, for {@link de.rundbrief.domain.setting.EffectiveSettings#resolve}. */
  public Map<SettingKey, String> values() {
    return values;
  }
}
