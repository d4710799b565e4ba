package de.rundbrief.domain.tenant;

import java.util.List;
import java.util.Optional;

/** All tenants of this Rundbrief installation. */
public interface TenantRepository {

  Optional<Tenant> find(TenantKey key);

  /** All tenants ordered by key. */
  List<Tenant> findAll();

  /** The keys of all tenants, active or not, ordered. */
  List<TenantKey> allKeys();

  void add(Tenant tenant);
}
