package de.rundbrief.web.settings;

import de.rundbrief.application.SettingView;
import de.rundbrief.application.SettingsService;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.web.shell.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.primefaces.PrimeFaces;

/** Central administrators' settings for all tenants, and which ones tenants may override. */
@Named
@ViewScoped
public class GlobalSettingsBacking extends SettingDialog {

  private static final long serialVersionUID = 1L;

  @Inject private SettingsService settings;

  private List<SettingView> all = List.of();
  private boolean tenantMayOverride;

  @PostConstruct
  void load() {
    all = settings.listGlobal();
  }

  public void edit(SettingView setting) {
    open(setting, setting.getGlobalValue());
    tenantMayOverride = setting.isTenantMayOverride();
  }

  public void save() {
    SettingKey key = getEditedKey();
    boolean saved =
        key != null
            && change(() -> settings.setGlobal(key, getValue()))
            && (key.isGlobalOnly()
                || change(() -> settings.allowTenantValues(key, tenantMayOverride)));
    if (saved) {
      Messages.info("settings.saved", Messages.text("settings.key." + key.name()));
      load();
    }
    PrimeFaces.current().ajax().addCallbackParam("saved", saved);
  }

  /** Removes the global value: the default counts again. */
  public void clear() {
    SettingKey key = getEditedKey();
    if (key != null) {
      settings.clearGlobal(key);
      Messages.info("settings.cleared", Messages.text("settings.key." + key.name()));
      load();
    }
    PrimeFaces.current().ajax().addCallbackParam("saved", key != null);
  }

  public List<SettingView> getAll() {
    return all;
  }

  public boolean isTenantMayOverride() {
    return tenantMayOverride;
  }

  public void setTenantMayOverride(boolean tenantMayOverride) {
    this.tenantMayOverride = tenantMayOverride;
  }
}
