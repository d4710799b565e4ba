package de.rundbrief.domain.staff;

import java.util.EnumSet;
import java.util.Set;

/** A staff role, central or held in one tenant. */
public enum StaffRole {
  CENTRAL_ADMIN(Roles.CENTRAL_ADMIN, true),
  CENTRAL_MARKETING(Roles.CENTRAL_MARKETING, true),
  TENANT_ADMIN(Roles.TENANT_ADMIN, false),
  TENANT_EDITOR(Roles.TENANT_EDITOR, false),
  TENANT_VIEWER(Roles.TENANT_VIEWER, false);

  private final String roleName;
  private final boolean central;

  StaffRole(String roleName, boolean central) {
    this.roleName = roleName;
    this.central = central;
  }

  /** The container role name, as in {@link Roles}. */
  public String roleName() {
    return roleName;
  }

  public boolean isCentral() {
    return central;
  }

  /** This role and the roles it includes: a tenant administrator is also editor and viewer. */
  public Set<StaffRole> withImplied() {
    return switch (this) {
      case TENANT_ADMIN -> EnumSet.of(TENANT_ADMIN, TENANT_EDITOR, TENANT_VIEWER);
      case TENANT_EDITOR -> EnumSet.of(TENANT_EDITOR, TENANT_VIEWER);
      default -> EnumSet.of(this);
    };
  }
}
