package de.rundbrief.web.tenants;

import de.rundbrief.application.TenantService;
import de.rundbrief.domain.tenant.Tenant;
import de.rundbrief.domain.tenant.TenantAlreadyExistsException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.shell.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/** Creates, renames, deactivates and reactivates tenants. */
@Named
@ViewScoped
public class TenantListBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TenantService tenants;

  private List<Tenant> all;
  private String key;
  private String name;
  private boolean creating;

  @PostConstruct
  void load() {
    all = tenants.listVisible();
  }

  public void newTenant() {
    creating = true;
    key = null;
    name = null;
  }

  public void edit(Tenant tenant) {
    creating = false;
    key = tenant.getKey().value();
    name = tenant.getName();
  }

  public void save() {
    String trimmedKey = key == null ? "" : key.strip();
    boolean valid = true;
    if (creating && !TenantKey.isValid(trimmedKey)) {
      Messages.fieldError("tenantForm:key", Messages.text("tenants.key.invalid"));
      valid = false;
    }
    if (name == null || name.isBlank() || name.strip().length() > Tenant.NAME_MAX_LENGTH) {
      Messages.fieldError("tenantForm:name", Messages.text("tenants.name.required"));
      valid = false;
    }
    if (!valid) {
      return;
    }
    try {
      if (creating) {
        tenants.create(TenantKey.of(trimmedKey), name);
        Messages.info("tenants.created", trimmedKey);
      } else {
        tenants.rename(TenantKey.of(trimmedKey), name);
        Messages.info("tenants.saved", trimmedKey);
      }
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
      load();
    } catch (TenantAlreadyExistsException e) {
      Messages.fieldError("tenantForm:key", Messages.text("tenants.key.taken"));
    }
  }

  public void deactivate(Tenant tenant) {
    tenants.deactivate(tenant.getKey());
    Messages.info("tenants.deactivated", tenant.getName());
    load();
  }

  public void reactivate(Tenant tenant) {
    tenants.reactivate(tenant.getKey());
    Messages.info("tenants.reactivated", tenant.getName());
    load();
  }

  public List<Tenant> getAll() {
    return all;
  }

  public boolean isCreating() {
    return creating;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
