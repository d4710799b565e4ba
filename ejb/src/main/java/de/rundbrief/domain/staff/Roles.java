package de.rundbrief.domain.staff;

/**
 * The container roles, as constants for {@code @RolesAllowed}. A realm group never carries these
 * names directly; {@link StaffGroups} derives them from the group names IT gives.
 */
public final class Roles {

  /** Manages tenants, shared settings, mail infrastructure; reads the audit log. */
  public static final String CENTRAL_ADMIN = "central-admin";

  /** Reads and edits the records of every tenant. */
  public static final String CENTRAL_MARKETING = "central-marketing";

  /** Administers one tenant; implies editor. */
  public static final String TENANT_ADMIN = "tenant-admin";

  /** Edits one tenant's records; implies viewer. */
  public static final String TENANT_EDITOR = "tenant-editor";

  /** Reads one tenant's records. */
  public static final String TENANT_VIEWER = "tenant-viewer";

  private Roles() {}
}
