package de.rundbrief.application;

import de.rundbrief.domain.audit.AuditEntry;
import de.rundbrief.domain.audit.AuditLog;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.staff.StaffMember;
import de.rundbrief.domain.tenant.Tenant;
import de.rundbrief.domain.tenant.TenantAlreadyExistsException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantNotFoundException;
import de.rundbrief.domain.tenant.TenantRepository;
import de.rundbrief.infrastructure.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

@Stateless
// Hibernate Validator's CDI extension only looks at classes that carry a validation annotation
// themselves (HV-994); the constraints live on the interface.
@ValidateOnExecution
public class DefaultTenantService implements TenantService {

  @Inject private TenantRepository tenants;
  @Inject private AuditLog auditLog;
  @Inject private Callers callers;
  @Inject private Clock clock;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<Tenant> listVisible() {
    StaffMember caller = callers.current();
    return tenants.findAll().stream().filter(tenant -> visibleTo(caller, tenant)).toList();
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public Tenant get(TenantKey key) {
    StaffMember caller = callers.current();
    return tenants
        .find(key)
        .filter(tenant -> visibleTo(caller, tenant))
        .orElseThrow(() -> new TenantNotFoundException(key.value()));
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public Tenant create(TenantKey key, String name) {
    if (tenants.find(key).isPresent()) {
      throw new TenantAlreadyExistsException(key);
    }
    Tenant tenant = new Tenant(key, name, clock.instant());
    tenants.add(tenant);
    audit(key, "tenant.create", "name=" + tenant.getName());
    return tenant;
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public Tenant rename(TenantKey key, String name) {
    return change(key, "tenant.rename", tenant -> tenant.rename(name));
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public Tenant deactivate(TenantKey key) {
    return change(key, "tenant.deactivate", Tenant::deactivate);
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public Tenant reactivate(TenantKey key) {
    return change(key, "tenant.reactivate", Tenant::reactivate);
  }

  private Tenant change(TenantKey key, String action, Consumer<Tenant> change) {
    Tenant tenant = tenants.find(key).orElseThrow(() -> new TenantNotFoundException(key.value()));
    String before = describe(tenant);
    change.accept(tenant);
    audit(key, action, before + " -> " + describe(tenant));
    return tenant;
  }

  private void audit(TenantKey key, String action, String detail) {
    auditLog.record(new AuditEntry(clock.instant(), callers.current().name(), key, action, detail));
  }

  private static String describe(Tenant tenant) {
    return "name=" + tenant.getName() + ", status=" + tenant.getStatus();
  }

  private static boolean visibleTo(StaffMember caller, Tenant tenant) {
    return caller.isCentral() || (tenant.isActive() && caller.isMemberOf(tenant.getKey()));
  }
}
