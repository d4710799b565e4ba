package de.rundbrief.web.security;

import de.rundbrief.domain.staff.Roles;
import fish.payara.security.annotations.RealmIdentityStoreDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import java.util.Set;

/**
 * Where staff come from: the server's realm {@value #REALM}. Realm groups follow the naming in
 * {@link de.rundbrief.domain.staff.StaffGroups}; {@link StaffRoleMapping} turns them into the
 * container roles declared here.
 */
@ApplicationScoped
@RealmIdentityStoreDefinition(StaffIdentity.REALM)
@DeclareRoles({
  Roles.CENTRAL_ADMIN,
  Roles.CENTRAL_MARKETING,
  Roles.TENANT_ADMIN,
  Roles.TENANT_EDITOR,
  Roles.TENANT_VIEWER
})
public class StaffIdentity {

  /** The name of the security realm IT creates in the server for Rundbrief's staff. */
  public static final String REALM = "rundbrief";

  /** A signed-in session: who, and the groups (realm groups and derived roles) at sign-in. */
  public record SignedIn(String name, Set<String> groups) implements Serializable {

    public SignedIn {
      groups = Set.copyOf(groups);
    }
  }
}
