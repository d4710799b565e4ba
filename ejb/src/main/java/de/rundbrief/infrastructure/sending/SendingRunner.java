package de.rundbrief.infrastructure.sending;

import de.rundbrief.domain.mailing.MailHtml;
import de.rundbrief.domain.mailing.Personalisation;
import de.rundbrief.domain.mailing.Recipient;
import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.TrackingMode;
import de.rundbrief.domain.tracking.TrackingTokens;
import de.rundbrief.infrastructure.consent.ConsentLinks;
import de.rundbrief.infrastructure.mail.Letter;
import de.rundbrief.infrastructure.mail.MessageBytes;
import de.rundbrief.infrastructure.mail.VerpAddresses;
import de.rundbrief.infrastructure.security.AddressHasher;
import de.rundbrief.infrastructure.sending.RecipientQueue.Active;
import de.rundbrief.infrastructure.sending.RecipientQueue.Claimed;
import de.rundbrief.infrastructure.sending.RecipientQueue.Mailed;
import de.rundbrief.infrastructure.sending.RecipientQueue.Person;
import de.rundbrief.infrastructure.tenancy.TenantTransactions;
import de.rundbrief.infrastructure.tenancy.TenantWork;
import de.rundbrief.infrastructure.tracking.TokenTracking;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The sending engine's work, free of the container: {@link #tick} looks for mailings with work and
 * recovers recipients whose lease ran out; {@link #work} is one worker with one SMTP connection,
 * which claims batches of recipients in turn from the sending mailings and sends them.
 *
 * <p>Crash safety comes from the order of things: a recipient is claimed under a lease before it is
 * sent, and recorded as sent in its own transaction the moment the server accepted it. A server
 * that dies leaves claimed recipients whose lease runs out and whom another worker (here or after
 * the restart) sends; only the one message per connection that the server had accepted but that was
 * not yet recorded goes out twice.
 */
public final class SendingRunner {

  /**
   * How long a claim holds unless its worker renews it (which it does while it works on the batch):
   * after a server died, its recipients are sent by others after this time at most.
   */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

  /** How often a worker looks whether staff paused or cancelled the mailing it is sending. */
  static final Duration STATUS_EVERY = Duration.ofSeconds(1);

  /** Recipients claimed at once at most, whatever the fair share. */
  static final int MAX_BATCH = 100;

  /** Temporary failures after which a recipient fails for good. */
  static final int MAX_ATTEMPTS = 5;

  static final String CANCELLED = Recipient.CANCELLED;
  static final String UNSUBSCRIBED = "No longer subscribed to the mailing's lists";
  static final String SUPPRESSED = "On the suppression list";
  static final String INACTIVE = "The subscriber is ";

  private static final Logger LOG = Logger.getLogger(SendingRunner.class.getName());

  /** On H2 (one instance, no SKIP LOCKED) claims take turns. */
  private static final ReentrantLock H2_CLAIMS = new ReentrantLock();

  private final TenantTransactions transactions;
  private final boolean postgreSql;
  private final Session session;
  private final MailHtml mailHtml;
  private final ConsentLinks links;
  private final Settings settings;
  private final byte[] addressHashKey;
  private final VerpAddresses verp;
  private final Clock clock;
  private final String owner;
  private TrackingTokens trackingTokens;
  private final Rotation rotation = new Rotation();
  private final Throttle throttle;
  private IntSupplier members = () -> 1;
  private final Map<Active, Mailing> mailings = new ConcurrentHashMap<>();
  private Duration lease = DEFAULT_LEASE;
  private Duration retryAfter = Duration.ofMinutes(1);
  private Duration reconnectAfter = Duration.ofSeconds(1);
  private Instant lastRecovery = Instant.MIN;

  /** A sending mailing as the workers use it. */
  private record Mailing(Letter letter, List<Long> listIds) {}

  public SendingRunner(
      TenantTransactions transactions,
      boolean postgreSql,
      Session session,
      MailHtml mailHtml,
      ConsentLinks links,
      Settings settings,
      byte[] addressHashKey,
      VerpAddresses verp,
      Clock clock,
      String owner) {
    this.transactions = transactions;
    this.postgreSql = postgreSql;
    this.session = SendingSession.of(session);
    this.mailHtml = mailHtml;
    this.links = links;
    this.settings = settings;
    this.addressHashKey = addressHashKey.clone();
    this.verp = verp;
    this.clock = clock;
    this.owner = owner;
    this.throttle = new Throttle(() -> clock.millis());
  }

  /**
   * Tracks opens and clicks with these tokens where the mailing and the tenant's setting say so;
   * without, no mail is tracked.
   */
  public SendingRunner tracking(TrackingTokens tokens) {
    this.trackingTokens = tokens;
    return this;
  }

  /** How long a claim holds without renewal. */
  public SendingRunner lease(Duration lease) {
    this.lease = lease;
    return this;
  }

  /** The first wait before a recipient is tried again; it doubles with each attempt. */
  public SendingRunner retryAfter(Duration first) {
    this.retryAfter = first;
    return this;
  }

  /** The first wait before a worker tries to reach a mail server that is down again. */
  public SendingRunner reconnectAfter(Duration first) {
    this.reconnectAfter = first;
    return this;
  }

  /**
   * Looks at the database: recovers recipients whose lease ran out (at most every ten seconds),
   * reads the limits, and finds the mailings with work.
   */
  public void tick() {
    Instant now = clock.instant();
    if (Duration.between(lastRecovery, now).toSeconds() >= 10 || lastRecovery == Instant.MIN) {
      lastRecovery = now;
      Integer recovered = transactions.acrossTenants(c -> RecipientQueue.recover(c, now));
      if (recovered != null && recovered > 0) {
        LOG.info(() -> recovered + " recipient(s) of an interrupted worker queued again");
      }
    }
    EffectiveSettings global = settings.global();
    int sharing = members.getAsInt();
    throttle.limits(
        share(global.number(SettingKey.SENDING_PER_SECOND), sharing),
        share(global.number(SettingKey.SENDING_PER_HOUR), sharing));
    List<Active> found = transactions.acrossTenants(RecipientQueue::active);
    List<Active> active = found == null ? List.of() : found;
    mailings.keySet().retainAll(active);
    rotation.refresh(active);
  }

  /** Whether a mailing has recipients to claim, as far as the last tick knows. */
  public boolean hasWork() {
    return rotation.hasWork();
  }

  /**
   * The SMTP connections central administrators allow, this instance's share of them: the limits
   * hold for the whole cluster, divided among the instances alive.
   */
  public int connections() {
    return Math.max(
        1, share(settings.global().number(SettingKey.SENDING_CONNECTIONS), members.getAsInt()));
  }

  /**
   * Tells how many instances share the sending limits (see {@code ClusterDuties#members}); without
   * it, this instance alone.
   */
  public SendingRunner sharingWith(IntSupplier instances) {
    this.members = instances;
    return this;
  }

  /**
   * One instance's share of a limit that holds for all {@code instances}: rounded down so that the
   * shares never add up to more, but at least 1; 0 (no limit) stays 0.
   */
  static int share(int limit, int instances) {
    if (limit <= 0) {
      return 0;
    }
    return Math.max(1, limit / Math.max(1, instances));
  }

  /**
   * One worker: holds one SMTP connection and sends until no mailing has work or it is told to
   * stop.
   */
  public void work(BooleanSupplier stopping) {
    Transport transport = null;
    MessageBytes buffer = new MessageBytes();
    int connectFailures = 0;
    try {
      while (!stopping.getAsBoolean()) {
        Active next = rotation.next();
        if (next == null) {
          return;
        }
        if (transport == null || !transport.isConnected()) {
          close(transport);
          try {
            transport = SendingSession.transport(session);
            transport.connect();
            connectFailures = 0;
          } catch (MessagingException e) {
            transport = null;
            connectFailures++;
            LOG.log(
                Level.WARNING, "Cannot reach the mail server; sending waits: {0}", e.getMessage());
            Thread.sleep(
                backoff(reconnectAfter, connectFailures, Duration.ofSeconds(15)).toMillis());
            continue;
          }
        }
        boolean eightBit =
            transport instanceof SMTPTransport smtp && smtp.supportsExtension("8BITMIME");
        if (!sendBatch(next, transport, eightBit, buffer, stopping)) {
          close(transport);
          transport = null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close(transport);
    }
  }

  /**
   * Claims and sends one batch of a mailing.
   *
   * @return false if the connection broke
   */
  private boolean sendBatch(
      Active active,
      Transport transport,
      boolean eightBit,
      MessageBytes buffer,
      BooleanSupplier stopping)
      throws InterruptedException {
    Mailing mailing = mailings.computeIfAbsent(active, this::load);
    if (mailing == null) {
      rotation.idle(active);
      return true;
    }
    int share = Math.max(1, settings.global().number(SettingKey.SENDING_FAIR_SHARE));
    int batch = Math.min(share, MAX_BATCH);
    Instant claimedAt = clock.instant();
    List<Claimed> claimed = claim(active, batch, claimedAt);
    if (claimed.isEmpty()) {
      if (transactions.inTenant(
          active.tenant(),
          c ->
              RecipientQueue.finishIfDone(
                  c, active.tenant(), active.mailingId(), clock.instant()))) {
        LOG.info(() -> "Mailing " + active.mailingId() + " of " + active.tenant() + " is sent");
        mailings.remove(active);
      }
      rotation.idle(active);
      return true;
    }
    rotation.served(active, claimed.size(), share);
    List<Outgoing> outgoing = prepare(active, mailing, claimed);
    Instant renewed = claimedAt;
    Instant looked = claimedAt;
    for (int i = 0; i < outgoing.size(); i++) {
      Outgoing recipient = outgoing.get(i);
      if (stopping.getAsBoolean()) {
        requeue(active, outgoing.subList(i, outgoing.size()), null);
        return true;
      }
      Instant now = clock.instant();
      if (Duration.between(looked, now).compareTo(STATUS_EVERY) >= 0) {
        looked = now;
        if (!stillSending(active, outgoing.subList(i, outgoing.size()))) {
          return true;
        }
      }
      if (Duration.between(renewed, now).compareTo(lease.dividedBy(3)) > 0) {
        renewed = now;
        transactions.inTenant(
            active.tenant(),
            c -> {
              RecipientQueue.renew(c, active.tenant(), active.mailingId(), owner, now.plus(lease));
              return null;
            });
      }
      throttle.acquire();
      try {
        MimeMessage message =
            mailing
                .letter()
                .compose(session, recipient.personal(), recipient.returnPath(), eightBit, buffer);
        transport.sendMessage(message, message.getAllRecipients());
        transactions.inTenant(
            active.tenant(),
            c -> {
              RecipientQueue.sent(
                  c,
                  postgreSql,
                  active.tenant(),
                  active.mailingId(),
                  recipient.subscriberId(),
                  clock.instant());
              return null;
            });
      } catch (MessagingException e) {
        SmtpReply reply = SmtpReply.of(e);
        if (reply.kind() == SmtpReply.Kind.CONNECTION) {
          LOG.log(Level.WARNING, "The connection to the mail server broke: {0}", reply.text());
          requeue(active, outgoing.subList(i, outgoing.size()), null);
          return false;
        }
        failed(active, recipient, reply);
      }
    }
    return true;
  }

  /** A claimed recipient with everything its message needs. */
  private record Outgoing(
      long subscriberId, int attempts, Letter.Personal personal, String returnPath) {}

  private List<Claimed> claim(Active active, int batch, Instant now) {
    TenantWork<List<Claimed>> claim =
        c ->
            RecipientQueue.claim(
                c,
                postgreSql,
                active.tenant(),
                active.mailingId(),
                owner,
                now.plus(lease),
                now,
                batch);
    if (postgreSql) {
      return transactions.inTenant(active.tenant(), claim);
    }
    H2_CLAIMS.lock();
    try {
      return transactions.inTenant(active.tenant(), claim);
    } finally {
      H2_CLAIMS.unlock();
    }
  }

  /**
   * Reads what the batch's messages need, and skips the recipients who must not get it any more:
   * erased, blocked or bounced meanwhile, no longer subscribed to any of the lists, suppressed.
   */
  private List<Outgoing> prepare(Active active, Mailing mailing, List<Claimed> claimed) {
    TenantKey tenant = active.tenant();
    String bounces = bounceAddress();
    List<Long> ids = claimed.stream().map(Claimed::subscriberId).toList();
    Set<String> fieldKeys = mailing.letter().fieldKeys();
    AddressHasher hasher = new AddressHasher(addressHashKey, tenant);
    Map<String, String> hashes = new HashMap<>();
    for (Claimed recipient : claimed) {
      hashes.put(hasher.hex(EmailAddress.of(recipient.email())), recipient.email());
    }
    return transactions.inTenant(
        tenant,
        c -> {
          Map<Long, Person> people = RecipientQueue.people(c, tenant, ids);
          Map<Long, Long> lists = RecipientQueue.subscribedList(c, tenant, ids, mailing.listIds());
          Map<Long, Map<String, String>> fields = RecipientQueue.fields(c, tenant, ids, fieldKeys);
          Set<String> suppressed =
              Set.copyOf(
                  RecipientQueue.suppressed(c, tenant, hashes.keySet()).stream()
                      .map(hashes::get)
                      .toList());
          Map<String, List<Long>> skipped = new HashMap<>();
          List<Outgoing> outgoing = new ArrayList<>();
          for (Claimed recipient : claimed) {
            long id = recipient.subscriberId();
            Person person = people.get(id);
            String skip = null;
            if (person == null || !"ACTIVE".equals(person.status())) {
              skip = INACTIVE + (person == null ? "erased" : person.status().toLowerCase());
            } else if (!lists.containsKey(id)) {
              skip = UNSUBSCRIBED;
            } else if (suppressed.contains(recipient.email())) {
              skip = SUPPRESSED;
            }
            if (skip != null) {
              skipped.computeIfAbsent(skip, reason -> new ArrayList<>()).add(id);
              continue;
            }
            Map<String, String> values = new HashMap<>();
            values.put(Personalisation.FIRST_NAME, person.firstName());
            values.put(Personalisation.LAST_NAME, person.lastName());
            values.put(Personalisation.EMAIL, recipient.email());
            fields
                .getOrDefault(id, Map.of())
                .forEach((key, value) -> values.put(Personalisation.FIELD_PREFIX + key, value));
            ConsentLinks.UnsubscribeLinks unsubscribe =
                links.unsubscribe(tenant, id, lists.get(id), active.mailingId());
            outgoing.add(
                new Outgoing(
                    id,
                    recipient.attempts(),
                    new Letter.Personal(
                        id,
                        recipient.email(),
                        values::get,
                        unsubscribe.page(),
                        unsubscribe.oneClick()),
                    verp.encode(bounces, tenant, active.mailingId(), id)));
          }
          for (Map.Entry<String, List<Long>> skip : skipped.entrySet()) {
            RecipientQueue.settle(
                c,
                tenant,
                active.mailingId(),
                skip.getValue(),
                owner,
                "SKIPPED",
                skip.getKey(),
                null,
                false);
          }
          return outgoing;
        });
  }

  private void failed(Active active, Outgoing recipient, SmtpReply reply) {
    int attempts = recipient.attempts() + 1;
    boolean retry = reply.kind() == SmtpReply.Kind.TEMPORARY && attempts < MAX_ATTEMPTS;
    String reason =
        reply.kind() == SmtpReply.Kind.TEMPORARY && !retry
            ? "Gave up after " + attempts + " attempts: " + reply.text()
            : reply.text();
    Instant next =
        retry ? clock.instant().plus(backoff(retryAfter, attempts, Duration.ofHours(6))) : null;
    transactions.inTenant(
        active.tenant(),
        c -> {
          RecipientQueue.settle(
              c,
              active.tenant(),
              active.mailingId(),
              List.of(recipient.subscriberId()),
              owner,
              retry ? "QUEUED" : "FAILED",
              reason,
              next,
              true);
          return null;
        });
  }

  /**
   * Whether the mailing is still sending; if staff paused it, the rest of the batch goes back to
   * the queue, if they cancelled it, the rest is skipped.
   */
  private boolean stillSending(Active active, List<Outgoing> rest) {
    List<Long> ids = rest.stream().map(Outgoing::subscriberId).toList();
    return transactions.inTenant(
        active.tenant(),
        c -> {
          String status = RecipientQueue.status(c, active.tenant(), active.mailingId());
          if ("SENDING".equals(status)) {
            return true;
          }
          boolean cancelled = !"PAUSED".equals(status);
          RecipientQueue.settle(
              c,
              active.tenant(),
              active.mailingId(),
              ids,
              owner,
              cancelled ? "SKIPPED" : "QUEUED",
              cancelled ? CANCELLED : null,
              null,
              false);
          return false;
        });
  }

  /** Puts recipients that were not tried back into the queue, without counting an attempt. */
  private void requeue(Active active, List<Outgoing> recipients, String reason) {
    List<Long> ids = recipients.stream().map(Outgoing::subscriberId).toList();
    transactions.inTenant(
        active.tenant(),
        c -> {
          RecipientQueue.settle(
              c, active.tenant(), active.mailingId(), ids, owner, "QUEUED", reason, null, false);
          return null;
        });
  }

  private Mailing load(Active active) {
    Mailed mailed =
        transactions.inTenant(
            active.tenant(), c -> RecipientQueue.mailing(c, active.tenant(), active.mailingId()));
    if (mailed == null) {
      return null;
    }
    return new Mailing(
        new Letter(mailed.content(), mailHtml, tracking(active, mailed.tracking())),
        mailed.listIds());
  }

  /** The tracking of a mailing as it starts to be sent here; {@code null} for none. */
  private Letter.Tracking tracking(Active active, boolean mailingTracks) {
    if (trackingTokens == null || !mailingTracks) {
      return null;
    }
    TrackingMode mode =
        settings.of(active.tenant()).choice(SettingKey.TRACKING, TrackingMode.class);
    return mode == TrackingMode.OFF
        ? null
        : new TokenTracking(
            trackingTokens,
            links.baseUrl(),
            active.tenant(),
            active.mailingId(),
            mode == TrackingMode.ANONYMOUS);
  }

  /** The mail session's own address ({@code mail.from}), where IT receives bounces. */
  private String bounceAddress() {
    InternetAddress from = InternetAddress.getLocalAddress(session);
    if (from == null) {
      throw new IllegalStateException("The mail session names no sender (mail.from)");
    }
    return from.getAddress();
  }

  static Duration backoff(Duration first, int attempts, Duration max) {
    Duration wait = first.multipliedBy(1L << Math.min(attempts - 1, 20));
    return wait.compareTo(max) > 0 ? max : wait;
  }

  private static void close(Transport transport) {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        LOG.log(Level.FINE, "Closing the SMTP connection failed", e);
      }
    }
  }
}
