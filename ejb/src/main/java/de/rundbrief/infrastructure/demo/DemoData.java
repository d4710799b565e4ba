package de.rundbrief.infrastructure.demo;

import de.rundbrief.domain.tenant.TenantKey;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills an empty database with two demo tenants when {@code rundbrief.demo-data} is {@code true}
 * (the default run sets it; a production configuration never does).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoData {

  public static final TenantKey NORD = TenantKey.of("nord");
  public static final TenantKey SUED = TenantKey.of("sued");
  public static final int SUBSCRIBERS_PER_TENANT = 300;

  /** Each tenant's public double opt-in list; every third demo subscriber is on it. */
  public static final String NEWSLETTER = "Newsletter";

  /** Each tenant's internal single opt-in list, empty. */
  public static final String PRESS = "Presseverteiler";

  /** The domains the demo tenants may send from, allowed by the central settings. */
  public static final String SENDER_DOMAINS = "nord.example\nsued.example";

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject
  @ConfigProperty(name = "rundbrief.demo-data", defaultValue = "false")
  private boolean enabled;

  @EJB private DemoDataWriter writer;

  @PostConstruct
  void load() {
    if (!enabled || writer.anyTenantExists()) {
      return;
    }
    writer.createTenants();
    writer.fill(NORD, "Nord", SUBSCRIBERS_PER_TENANT);
    writer.fill(SUED, "Sued", SUBSCRIBERS_PER_TENANT);
    LOG.info("Demo data loaded: tenants nord and sued");
  }
}
