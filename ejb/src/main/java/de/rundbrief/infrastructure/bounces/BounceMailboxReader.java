package de.rundbrief.infrastructure.bounces;

import de.rundbrief.domain.bounce.BounceKind;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.infrastructure.cluster.ClusterDuties;
import de.rundbrief.infrastructure.cluster.ClusterDuty;
import de.rundbrief.infrastructure.mail.VerpAddresses;
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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.URLName;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the bounce mailbox on a schedule, where IT has configured one ({@value #STORE_PROPERTY},
 * with the password in {@value #PASSWORD_PROPERTY}); without, bounce handling is off and the log
 * says so once. Of several instances only the one whose duty it is ({@link
 * ClusterDuty#BOUNCE_MAILBOX}) reads, so that no bounce is applied twice.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrations", "ClusterDuties"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BounceMailboxReader {

  public static final String STORE_PROPERTY = "rundbrief.bounces.store-url";
  public static final String PASSWORD_PROPERTY = "rundbrief.bounces.password";
  public static final String POLL_PROPERTY = "rundbrief.bounces.poll-seconds";

  private static final Logger LOG = Logger.getLogger(BounceMailboxReader.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject private ContainerTenantTransactions transactions;
  @Inject private DatabaseDialect dialect;
  @Inject private Settings settings;
  @Inject private ApplicationSecrets secrets;
  @Inject private Clock clock;
  @Inject private ClusterDuties duties;

  @Inject
  @ConfigProperty(name = STORE_PROPERTY)
  private Optional<String> storeUrl;

  @Inject
  @ConfigProperty(name = PASSWORD_PROPERTY)
  private Optional<String> password;

  @Inject
  @ConfigProperty(name = POLL_PROPERTY, defaultValue = "60")
  private int pollSeconds;

  private BounceMailbox mailbox;
  private ScheduledFuture<?> polls;

  @PostConstruct
  void start() {
    if (storeUrl.isEmpty() || storeUrl.get().isBlank()) {
      LOG.info("No bounce mailbox configured (" + STORE_PROPERTY + "): bounces are not read");
      return;
    }
    VerpAddresses verp = new VerpAddresses(secrets.key(VerpAddresses.KEY_NAME));
    mailbox =
        new BounceMailbox(
            new URLName(storeUrl.get().strip()),
            password.orElse(null),
            new BounceParser(verp),
            new BounceProcessor(transactions, dialect.hasRowLevelSecurity(), settings, clock));
    polls =
        scheduler.scheduleWithFixedDelay(
            this::poll, Math.min(5, pollSeconds), Math.max(1, pollSeconds), TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (polls != null) {
      polls.cancel(false);
    }
  }

  private void poll() {
    try {
      Map<BounceKind, Integer> handled =
          mailbox.poll(() -> duties.isMine(ClusterDuty.BOUNCE_MAILBOX));
      if (!handled.isEmpty()) {
        LOG.info("Bounce mailbox read: " + handled);
      }
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.WARNING, "The bounce mailbox cannot be read: " + e.getMessage(), e);
    }
  }
}
