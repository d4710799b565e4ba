package de.rundbrief.domain.tenant;

/** The names that bind tenant-owned rows to their tenant, in one place. */
public final class Tenancy {

  /**
   * The entity manager property that carries the current tenant's key. EclipseLink reads it for
   * every query on a {@link TenantOwnedEntity}. Never set it by hand: the tenant guard does.
   */
  public static final String TENANT_PROPERTY = "eclipselink.tenant-id";

  /** The discriminator column of every tenant-owned table: NOT NULL, first in every index. */
  public static final String TENANT_COLUMN = "TENANT_ID";

  /**
   * The PostgreSQL setting, local to the transaction, that lists the tenants the current call may
   * touch; the row-level security policies compare {@code TENANT_ID} with it.
   */
  public static final String DATABASE_SETTING = "rundbrief.tenants";

  private Tenancy() {}
}
