package de.rundbrief.infrastructure.sending;

import de.rundbrief.domain.mailing.MailHtml;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.tracking.TrackingTokens;
import de.rundbrief.infrastructure.cluster.ClusterDuties;
import de.rundbrief.infrastructure.cluster.ClusterDuty;
import de.rundbrief.infrastructure.consent.ConsentLinks;
import de.rundbrief.infrastructure.mail.ConfirmationMailer;
import de.rundbrief.infrastructure.mail.VerpAddresses;
import de.rundbrief.infrastructure.security.AddressHasher;
import de.rundbrief.infrastructure.security.ApplicationSecrets;
import de.rundbrief.infrastructure.tenancy.ContainerTenantTransactions;
import de.rundbrief.infrastructure.tenancy.DatabaseDialect;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drives the sending of every instance: once a second it starts scheduled mailings that are due
 * (where that is this instance's duty, see {@link ScheduledStarts}), lets the {@link SendingRunner}
 * look for work, and keeps as many workers (each one SMTP connection) running as there is work for
 * and central administrators allow.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrations", "ClusterDuties"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SendingEngine {

  /** The server's configuration of the lease, in seconds. */
  public static final String LEASE_PROPERTY = "rundbrief.sending.lease-seconds";

  private static final Logger LOG = Logger.getLogger(SendingEngine.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;
  @Resource private ManagedExecutorService executor;

  @Resource(lookup = ConfirmationMailer.MAIL_SESSION)
  private Session session;

  @Inject private ContainerTenantTransactions transactions;
  @Inject private MailingStarts starts;
  @Inject private DatabaseDialect dialect;
  @Inject private MailHtml mailHtml;
  @Inject private ConsentLinks links;
  @Inject private Settings settings;
  @Inject private ApplicationSecrets secrets;
  @Inject private TrackingTokens trackingTokens;
  @Inject private Clock clock;
  @Inject private ClusterDuties duties;

  /** How long claimed recipients of a server that died wait before others send them. */
  @Inject
  @ConfigProperty(name = LEASE_PROPERTY, defaultValue = "60")
  private int leaseSeconds;

  private final AtomicInteger workers = new AtomicInteger();
  private volatile boolean stopping;
  private SendingRunner runner;
  private ScheduledStarts scheduledStarts;
  private ScheduledFuture<?> ticks;

  @PostConstruct
  void start() {
    runner =
        new SendingRunner(
                transactions,
                dialect.hasRowLevelSecurity(),
                session,
                mailHtml,
                links,
                settings,
                secrets.key(AddressHasher.KEY_NAME),
                new VerpAddresses(secrets.key(VerpAddresses.KEY_NAME)),
                clock,
                duties.instance())
            .lease(java.time.Duration.ofSeconds(Math.max(5, leaseSeconds)))
            .tracking(trackingTokens)
            .sharingWith(duties::members);
    scheduledStarts =
        new ScheduledStarts(
            transactions,
            () -> duties.isMine(ClusterDuty.SCHEDULED_MAILINGS),
            starts::startIfDue,
            clock);
    ticks = scheduler.scheduleWithFixedDelay(this::tick, 2, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (ticks != null) {
      ticks.cancel(false);
    }
  }

  private void tick() {
    if (stopping) {
      return;
    }
    try {
      scheduledStarts.startDue();
      runner.tick();
      while (!stopping && runner.hasWork() && workers.get() < runner.connections()) {
        workers.incrementAndGet();
        executor.execute(
            () -> {
              try {
                runner.work(() -> stopping);
              } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "A sending worker stopped", e);
              } finally {
                workers.decrementAndGet();
              }
            });
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The sending engine could not look for work", e);
    }
  }
}
