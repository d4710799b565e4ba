package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.consent.SuppressedAddress;
import de.rundbrief.domain.consent.SuppressionList;
import de.rundbrief.domain.consent.SuppressionReason;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.security.AddressHasher;
import de.rundbrief.infrastructure.security.ApplicationSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * The suppression list as keyed hashes of tenant and address (see {@link AddressHasher}): an entry
 * cannot be turned back into an address, nor matched with another tenant's.
 */
@ApplicationScoped
public class JpaSuppressionList implements SuppressionList {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  private Clock clock;
  private byte[] key;

  protected JpaSuppressionList() {}

  @Inject
  JpaSuppressionList(ApplicationSecrets secrets, Clock clock) {
    this(null, secrets.key(AddressHasher.KEY_NAME), clock);
  }

  JpaSuppressionList(EntityManager em, byte[] key, Clock clock) {
    this.em = em;
    this.key = key;
    this.clock = clock;
  }

  @Override
  public boolean contains(EmailAddress address) {
    return em.find(SuppressedAddress.class, hash(address)) != null;
  }

  @Override
  public void add(EmailAddress address, SuppressionReason reason) {
    if (!contains(address)) {
      em.persist(new SuppressedAddress(hash(address), reason, clock.instant()));
    }
  }

  @Override
  public void remove(EmailAddress address) {
    SuppressedAddress entry = em.find(SuppressedAddress.class, hash(address));
    if (entry != null) {
      em.remove(entry);
    }
  }

  /** Keyed by tenant as well, so the same address hashes differently in every tenant. */
  private String hash(EmailAddress address) {
    TenantKey tenant = BoundTenant.of(em, "The suppression list is used");
    return new AddressHasher(key, tenant).hex(address);
  }
}
