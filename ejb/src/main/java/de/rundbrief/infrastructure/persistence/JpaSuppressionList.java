package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.consent.SuppressedAddress;
import de.rundbrief.domain.consent.SuppressionList;
import de.rundbrief.domain.consent.SuppressionReason;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.tenant.Tenancy;
import de.rundbrief.infrastructure.security.ApplicationSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The suppression list as HMAC-SHA256 hashes of tenant and address under a key of the installation:
 * an entry cannot be turned back into an address, nor matched with another tenant's.
 */
@ApplicationScoped
public class JpaSuppressionList implements SuppressionList {

  static final String KEY_NAME = "address-hash";

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  private Clock clock;
  private byte[] key;

  protected JpaSuppressionList() {}

  @Inject
  JpaSuppressionList(ApplicationSecrets secrets, Clock clock) {
    this(null, secrets.key(KEY_NAME), clock);
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
    String tenant = (String) em.getProperties().get(Tenancy.TENANT_PROPERTY);
    if (tenant == null) {
      throw new IllegalStateException("The suppression list is used inside a tenant only");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(tenant.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of()
          .formatHex(mac.doFinal(address.value().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
