package de.rundbrief.web.shell;

import de.rundbrief.application.TenantService;
import de.rundbrief.domain.tenant.Tenant;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantNotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The tenant a member of staff is working in. Tenant staff work in one of their tenants; central
 * staff choose one or "all tenants". A choice is checked with the tenant service, never taken on
 * trust.
 */
@Named
@SessionScoped
public class WorkingTenant implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The value of "all tenants" in the tenant switch. */
  public static final String ALL = "";

  @Inject private TenantService tenants;
  @Inject private StaffView staff;

  private TenantKey key;
  private String name;

  @PostConstruct
  void startInFirstTenant() {
    if (!staff.isCentral()) {
      List<Tenant> visible = tenants.listVisible();
      if (!visible.isEmpty()) {
        use(visible.get(0));
      }
    }
  }

  /** The tenant worked in; empty means all tenants (central staff only). */
  public Optional<TenantKey> current() {
    return Optional.ofNullable(key);
  }

  public boolean isAllTenants() {
    return key == null;
  }

  /** The key for the tenant switch, {@link #ALL} for all tenants. */
  public String getSelection() {
    return key == null ? ALL : key.value();
  }

  /** The display name of the tenant worked in; {@code null} for all tenants. */
  public String getName() {
    return name;
  }

  /**
   * Switches to a tenant if the caller may see it.
   *
   * @throws TenantNotFoundException for an unknown or foreign tenant, or "all tenants" chosen by
   *     tenant staff
   */
  /**
   * Applies a view's {@code ?tenant=} parameter: absent leaves the choice as it is, a tenant the
   * caller may not see ends the request with 404.
   *
   * @return whether the view goes on
   */
  public boolean applyViewParameter(String tenant) throws IOException {
    if (tenant == null || tenant.isBlank()) {
      return true;
    }
    try {
      setSelection(tenant);
      return true;
    } catch (TenantNotFoundException e) {
      Views.notFound();
      return false;
    }
  }

  public void setSelection(String selection) {
    if (selection == null || ALL.equals(selection)) {
      if (!staff.isCentral()) {
        throw new TenantNotFoundException("all");
      }
      key = null;
      name = null;
    } else {
      if (!TenantKey.isValid(selection)) {
        throw new TenantNotFoundException(selection);
      }
      use(tenants.get(TenantKey.of(selection)));
    }
  }

  private void use(Tenant tenant) {
    key = tenant.getKey();
    name = tenant.getName();
  }
}
