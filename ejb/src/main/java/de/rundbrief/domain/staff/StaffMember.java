package de.rundbrief.domain.staff;

import de.rundbrief.domain.tenant.TenantKey;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A signed-in member of staff: its central roles and, per tenant, its roles there (implied roles
 * included). Central roles reach every tenant.
 */
public record StaffMember(
    String name, Set<StaffRole> centralRoles, Map<TenantKey, Set<StaffRole>> memberships)
    implements Serializable {

  public StaffMember {
    centralRoles = centralRoles.isEmpty() ? Set.of() : Set.copyOf(centralRoles);
    memberships = Map.copyOf(memberships);
  }

  public static StaffMember anonymous() {
    return new StaffMember("anonymous", Set.of(), Map.of());
  }

  public boolean isCentral() {
    return !centralRoles.isEmpty();
  }

  public boolean hasCentralRole(StaffRole role) {
    return centralRoles.contains(role);
  }

  /** Whether the member belongs to the tenant itself (not through a central role). */
  public boolean isMemberOf(TenantKey tenant) {
    return memberships.containsKey(tenant);
  }

  /** The roles that hold in this tenant: the central ones and those of a membership. */
  public Set<StaffRole> rolesIn(TenantKey tenant) {
    Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
    roles.addAll(centralRoles);
    roles.addAll(memberships.getOrDefault(tenant, Set.of()));
    return roles;
  }

  /** Every container role name the member holds somewhere, for the container's role checks. */
  public Set<String> roleNames() {
    Set<StaffRole> all = EnumSet.noneOf(StaffRole.class);
    all.addAll(centralRoles);
    memberships.values().forEach(all::addAll);
    return all.stream().map(StaffRole::roleName).collect(Collectors.toSet());
  }

  /** The tenants the member belongs to, ordered. */
  public Set<TenantKey> memberTenants() {
    return new TreeMap<>(memberships).keySet();
  }
}
