package de.rundbrief.infrastructure.tenancy;

import de.rundbrief.domain.audit.AuditEntry;
import de.rundbrief.domain.audit.AuditLog;
import de.rundbrief.domain.staff.StaffMember;
import de.rundbrief.domain.staff.StaffRole;
import de.rundbrief.domain.tenant.Tenant;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantNotFoundException;
import de.rundbrief.domain.tenant.TenantRepository;
import de.rundbrief.domain.tenant.TenantScoped;
import de.rundbrief.infrastructure.security.Callers;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Wall 1's gate. The container has checked that the caller holds one of the method's roles
 * somewhere; this guard checks that it holds one <em>in the tenant the call names</em>, binds the
 * transaction to that tenant and records what central staff do inside tenants.
 *
 * <p>A caller with no role in the tenant gets {@link TenantNotFoundException}, the same as for a
 * tenant that does not exist. A member whose role there is too weak gets {@link
 * TenantAccessDeniedException}. Staff of a deactivated tenant can no longer act in it. Methods
 * marked {@link PublicAccess} let anyone into an active tenant; the tenant may also come from a
 * {@link TenantScoped} argument such as a verified link token. Methods marked {@link Audited} are
 * recorded for every caller.
 */
@TenantGuarded
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TenantGuard implements Serializable {

  @Inject private Callers callers;
  @Inject private TenantRepository tenants;
  @Inject private TenantContext context;
  @Inject private AuditLog auditLog;
  @Inject private Clock clock;

  @AroundInvoke
  public Object guard(InvocationContext invocation) throws Exception {
    TenantKey tenant = tenantArgument(invocation);
    if (tenant != null && invocation.getMethod().isAnnotationPresent(PublicAccess.class)) {
      enterForThePublic(tenant);
    } else if (tenant != null) {
      enterTenant(invocation, tenant);
    } else if (invocation.getMethod().isAnnotationPresent(AcrossTenants.class)) {
      enterAcrossTenants(invocation);
    }
    return invocation.proceed();
  }

  private void enterTenant(InvocationContext invocation, TenantKey key) {
    StaffMember caller = callers.current();
    Set<StaffRole> roles = caller.rolesIn(key);
    if (roles.isEmpty()) {
      throw new TenantNotFoundException(key.value());
    }
    Tenant tenant = tenants.find(key).orElseThrow(() -> new TenantNotFoundException(key.value()));
    if (!tenant.isActive() && !caller.isCentral()) {
      throw new TenantNotFoundException(key.value());
    }
    Set<String> allowed = allowedRoles(invocation.getMethod());
    if (allowed != null && roles.stream().map(StaffRole::roleName).noneMatch(allowed::contains)) {
      throw new TenantAccessDeniedException(key, action(invocation));
    }
    context.enter(key);
    if (caller.isCentral() || invocation.getMethod().isAnnotationPresent(Audited.class)) {
      audit(caller, key, invocation);
    }
  }

  private void enterForThePublic(TenantKey key) {
    tenants
        .find(key)
        .filter(Tenant::isActive)
        .orElseThrow(() -> new TenantNotFoundException(key.value()));
    context.enter(key);
  }

  private void enterAcrossTenants(InvocationContext invocation) {
    StaffMember caller = callers.current();
    if (caller.isCentral()) {
      context.enterAcross(tenants.allKeys());
      audit(caller, null, invocation);
    } else {
      context.enterAcross(caller.memberTenants());
    }
  }

  private void audit(StaffMember caller, TenantKey tenant, InvocationContext invocation) {
    auditLog.record(
        new AuditEntry(
            Instant.now(clock), caller.name(), tenant, action(invocation), detail(invocation)));
  }

  /** The call's arguments; Payara's interceptors get {@code null} for a method without any. */
  private static Object[] parameters(InvocationContext invocation) {
    Object[] parameters = invocation.getParameters();
    return parameters == null ? new Object[0] : parameters;
  }

  private static TenantKey tenantArgument(InvocationContext invocation) {
    return Stream.of(parameters(invocation))
        .map(argument -> argument instanceof TenantScoped scoped ? scoped.tenant() : argument)
        .filter(TenantKey.class::isInstance)
        .map(TenantKey.class::cast)
        .findFirst()
        .orElse(null);
  }

  /** The roles named on the method or its class; {@code null} where any signed-in role will do. */
  private static Set<String> allowedRoles(Method method) {
    if (method.isAnnotationPresent(PermitAll.class)) {
      return null;
    }
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null) {
      roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
    return roles == null ? null : Set.of(roles.value());
  }

  /** {@code subscribers.update}: the service's name without its {@code Default…Service} frame. */
  private static String action(InvocationContext invocation) {
    Method method = invocation.getMethod();
    String service =
        method
            .getDeclaringClass()
            .getSimpleName()
            .replaceFirst("^Default", "")
            .replaceFirst("Service$", "");
    return service.substring(0, 1).toLowerCase() + service.substring(1) + "." + method.getName();
  }

  /** The scalar arguments (ids, filter text), never whole records with personal data. */
  private static String detail(InvocationContext invocation) {
    return Arrays.stream(parameters(invocation))
        .filter(p -> p instanceof Number)
        .map(String::valueOf)
        .collect(Collectors.joining(", "));
  }
}
