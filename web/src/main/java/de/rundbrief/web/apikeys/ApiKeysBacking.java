package de.rundbrief.web.apikeys;

import de.rundbrief.application.ApiKeyService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.apikey.ApiKey;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.WorkingTenant;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The API keys of the tenant worked in: {@code /apikeys/list.xhtml}. A new key is shown once, in
 * the dialog that issues it; afterwards only its name and dates are.
 */
@Named
@ViewScoped
public class ApiKeysBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ApiKeyService keys;
  @Inject private WorkingTenant workingTenant;

  private String tenantParameter;
  private List<ApiKey> all = List.of();
  private String name;
  private String issuedKey;

  /** The view action: applies {@code ?tenant=} and loads the keys. */
  public void load() throws IOException {
    if (workingTenant.applyViewParameter(tenantParameter)) {
      reload();
    }
  }

  private void reload() {
    all = workingTenant.current().map(this::list).orElse(List.of());
  }

  private List<ApiKey> list(TenantKey tenant) {
    try {
      return keys.list(tenant);
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
      return List.of();
    }
  }

  public void issue() {
    if (name == null || name.isBlank()) {
      Messages.fieldError("issueForm:name", Messages.text("apiKeys.name.required"));
      return;
    }
    try {
      issuedKey = keys.issue(workingTenant.current().orElseThrow(), name).text();
      name = null;
      PrimeFaces.current().ajax().addCallbackParam("issued", true);
      reload();
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    }
  }

  public void revoke(ApiKey key) {
    try {
      keys.revoke(workingTenant.current().orElseThrow(), key.getId());
      Messages.info("apiKeys.revoked", key.getName());
      reload();
    } catch (NotFoundException e) {
      Messages.error("apiKeys.gone");
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    }
  }

  /** Forgets the new key once its dialog is closed: it is never shown again. */
  public void forgetIssuedKey() {
    issuedKey = null;
  }

  public List<ApiKey> getAll() {
    return all;
  }

  public String getIssuedKey() {
    return issuedKey;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTenantParameter() {
    return tenantParameter;
  }

  public void setTenantParameter(String tenantParameter) {
    this.tenantParameter = tenantParameter;
  }
}
