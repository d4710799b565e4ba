package de.rundbrief.web.shell;

import de.rundbrief.application.TenantService;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.tenant.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;

/** Who is signed in, and what the frame offers them, for one request. */
@Named
@RequestScoped
public class StaffView {

  @Inject private SecurityContext security;
  @Inject private TenantService tenants;

  private List<Tenant> visibleTenants;

  public String getName() {
    return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
  }

  public boolean isCentral() {
    return isCentralAdmin() || security.isCallerInRole(Roles.CENTRAL_MARKETING);
  }

  public boolean isCentralAdmin() {
    return security.isCallerInRole(Roles.CENTRAL_ADMIN);
  }

  /** Whether the member may change records somewhere; the services decide per tenant. */
  public boolean isEditor() {
    return isCentral() || security.isCallerInRole(Roles.TENANT_EDITOR);
  }

  /** Whether the member administers something (erasure); the services decide per tenant. */
  public boolean isAdministrator() {
    return isCentralAdmin() || security.isCallerInRole(Roles.TENANT_ADMIN);
  }

  /** The tenants for the tenant switch; read once per request. */
  public List<Tenant> getTenants() {
    if (visibleTenants == null) {
      visibleTenants = tenants.listVisible();
    }
    return visibleTenants;
  }
}
