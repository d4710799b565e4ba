package de.rundbrief.web.settings;

import de.rundbrief.application.SettingView;
import de.rundbrief.application.SettingsService;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingNotOverridableException;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantNotFoundException;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.WorkingTenant;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The settings of the tenant worked in: what counts there and where it comes from, and the tenant's
 * own values where central administrators allow them.
 */
@Named
@ViewScoped
public class TenantSettingsBacking extends SettingDialog {

  private static final long serialVersionUID = 1L;

  @Inject private SettingsService settings;
  @Inject private WorkingTenant workingTenant;

  private String tenantParameter;
  private List<SettingView> all = List.of();
  private boolean denied;

  /** The view action: applies {@code ?tenant=} and loads the tenant's settings. */
  public void load() throws IOException {
    if (!workingTenant.applyViewParameter(tenantParameter)) {
      return;
    }
    reload();
  }

  private void reload() {
    TenantKey tenant = workingTenant.current().orElse(null);
    try {
      all = tenant == null ? List.of() : settings.listTenant(tenant);
      denied = false;
    } catch (TenantAccessDeniedException
        | TenantNotFoundException
        | EJBAccessException
        | AccessLocalException e) {
      all = List.of();
      denied = true;
    }
  }

  public void edit(SettingView setting) {
    open(setting, setting.getTenantValue());
  }

  public void save() {
    SettingKey key = getEditedKey();
    TenantKey tenant = workingTenant.current().orElse(null);
    boolean saved = false;
    if (key != null && tenant != null) {
      try {
        saved = change(() -> settings.setTenant(tenant, key, getValue()));
      } catch (SettingNotOverridableException e) {
        Messages.error("settings.notOverridable");
      }
    }
    if (saved) {
      Messages.info("settings.saved", Messages.text("settings.key." + key.name()));
      reload();
    }
    PrimeFaces.current().ajax().addCallbackParam("saved", saved);
  }

  /** Removes the tenant's own value: the global one counts again. */
  public void clear() {
    SettingKey key = getEditedKey();
    TenantKey tenant = workingTenant.current().orElse(null);
    if (key != null && tenant != null) {
      settings.clearTenant(tenant, key);
      Messages.info("settings.cleared", Messages.text("settings.key." + key.name()));
      reload();
    }
    PrimeFaces.current().ajax().addCallbackParam("saved", key != null);
  }

  public List<SettingView> getAll() {
    return all;
  }

  /** Whether the caller does not administer the tenant worked in. */
  public boolean isDenied() {
    return denied;
  }

  public String getTenant() {
    return tenantParameter;
  }

  public void setTenant(String tenant) {
    this.tenantParameter = tenant;
  }
}
