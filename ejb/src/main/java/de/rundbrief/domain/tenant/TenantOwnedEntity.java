package de.rundbrief.domain.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The one superclass of every tenant-owned entity.
 *
 * <p>EclipseLink writes the tenant of the current call into {@code TENANT_ID} on insert and adds
 * {@code TENANT_ID = ?} to every select, find, update and delete it generates. The tenant comes
 * from the entity manager property {@link Tenancy#TENANT_PROPERTY}, which only the tenant guard
 * sets. The column is mapped here a second time, read-only, so that cross-tenant views can show
 * which tenant a row belongs to.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(
    name = Tenancy.TENANT_COLUMN,
    contextProperty = Tenancy.TENANT_PROPERTY,
    length = 32)
public abstract class TenantOwnedEntity implements Serializable {

  private static final long serialVersionUID = 1L;

  @Column(name = Tenancy.TENANT_COLUMN, insertable = false, updatable = false)
  private String tenantId;

  /**
   * The tenant that owns this row; {@code null} on a new entity until it has been read back from
   * the database.
   */
  public TenantKey getTenant() {
    return tenantId == null ? null : TenantKey.of(tenantId);
  }
}
