package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.rundbrief.domain.bounce.BounceKind;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.bounces.BounceMailbox;
import de.rundbrief.infrastructure.bounces.BounceParser;
import de.rundbrief.infrastructure.bounces.BounceProcessor;
import de.rundbrief.infrastructure.cluster.ClusterLease;
import de.rundbrief.infrastructure.cluster.ClusterLeases;
import de.rundbrief.infrastructure.persistence.Repositories;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bounce mailbox end to end: real-shaped bounces, an automatic reply, a complaint and garbage
 * in a mailbox on a real IMAP and POP3 server on loopback (GreenMail), read and applied on
 * PostgreSQL, each subscriber's resulting state checked.
 */
class BouncesTest {

  private static final String BOUNCES = "bounces@news.example.com";
  private static final String PASSWORD = "bounce-secret";
  private static final BooleanSupplier ONLY_READER = () -> true;
  private static int tenants;

  private final SendingFixture db = new SendingFixture();
  private GreenMail mail;
  private GreenMailUser mailbox;
  private String tenant;
  private long list;

  @BeforeEach
  void setUp() throws Exception {
    int imap = freePort();
    int pop3 = freePort();
    mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
              new ServerSetup(pop3, "127.0.0.1", ServerSetup.PROTOCOL_POP3)
            });
    mail.start();
    mailbox = mail.setUser(BOUNCES, BOUNCES, PASSWORD);
    tenant = "bounce-" + (++tenants) + "-" + System.nanoTime() % 100_000;
    db.tenant(tenant);
    list = db.list(tenant, "Newsletter");
  }

  @AfterEach
  void tearDown() {
    mail.stop();
    db.close();
  }

  @Test
  void eachKindOfMessageLeavesItsSubscriberInTheRightStateAndTheMailboxEmpty() throws Exception {
    long dsn = subscriber("dsn");
    long postfix = subscriber("postfix");
    long exchange = subscriber("exchange");
    long legacy = subscriber("legacy");
    long full = subscriber("full");
    long away = subscriber("away");
    long angry = subscriber("angry");
    long mailing = db.sendingMailing(tenant, list, "<p>Hallo</p>", List.of(dsn));
    deliver("dsn-hard.eml", mailing, dsn);
    deliver("postfix-hard.eml", mailing, postfix);
    deliver("exchange-hard.eml", mailing, exchange);
    deliver("exchange-legacy-text.eml", mailing, legacy);
    deliver("dsn-soft-mailbox-full.eml", mailing, full);
    deliver("auto-reply.eml", mailing, away);
    deliver("arf-complaint.eml", mailing, angry);
    deliver("garbage.eml", mailing, dsn);
    deliver("forged-verp.eml", mailing, dsn);

    Map<BounceKind, Integer> handled = reader("imap").poll(ONLY_READER);

    assertThat(handled)
        .containsEntry(BounceKind.HARD, 5)
        .containsEntry(BounceKind.SOFT, 1)
        .containsEntry(BounceKind.AUTO_REPLY, 1)
        .containsEntry(BounceKind.COMPLAINT, 1)
        .containsEntry(BounceKind.UNKNOWN, 1);
    assertThat(mail.getReceivedMessagesForDomain("news.example.com")).isEmpty();
    for (long bounced : List.of(dsn, postfix, exchange, legacy)) {
      assertThat(status(bounced)).as("subscriber " + bounced).isEqualTo("BOUNCED");
    }
    assertThat(status(full)).as("one soft bounce only counts").isEqualTo("SUBSCRIBED");
    assertThat(status(away)).as("an automatic reply changes nothing").isEqualTo("SUBSCRIBED");
    assertThat(status(angry)).isEqualTo("UNSUBSCRIBED");
    assertThat(
            Sql.column(
                db.owner,
                "SELECT event_type || '/' || source FROM consent_event"
                    + " WHERE tenant_id = ? AND subscriber_id = ?",
                tenant,
                angry))
        .containsExactly("UNSUBSCRIBED/COMPLAINT");
    try (Jpa jpa = new Jpa(PostgresDatabase.get().app())) {
      assertThat(
              jpa.<Long>inTenant(
                  tenant, em -> Repositories.trackingStatistics(em).unsubscribes(mailing)))
          .as("the complaint ends the subscription on behalf of the mailing it is about")
          .isEqualTo(1);
      assertThat(
              jpa.<Long>inTenant(
                  tenant, em -> Repositories.trackingStatistics(em).unsubscribes(mailing + 1)))
          .isZero();
      String other = tenant + "-other";
      db.tenant(other);
      assertThat(
              jpa.<Long>inTenant(
                  other, em -> Repositories.trackingStatistics(em).unsubscribes(mailing)))
          .as("another tenant counts none of them")
          .isZero();
    }
    assertThat(
            Sql.column(
                db.owner,
                "SELECT reason FROM bounce_event WHERE tenant_id = ? AND subscriber_id = ?",
                tenant,
                postfix))
        .singleElement()
        .asString()
        .contains("550 5.1.1");
    assertThat(
            Sql.column(
                db.owner,
                "SELECT kind || ':' || COUNT(*) FROM bounce_event WHERE tenant_id = ?"
                    + " AND mailing_id = ? GROUP BY kind ORDER BY kind",
                tenant,
                mailing))
        .as("the forged VERP and the garbage are kept nowhere")
        .containsExactly("AUTO_REPLY:1", "COMPLAINT:1", "HARD:4", "SOFT:1");
  }

  @Test
  void softBouncesOfDifferentMailingsTurnHardAtTheLimitOverPop3() throws Exception {
    db.global.put(SettingKey.BOUNCE_SOFT_LIMIT, "2");
    try {
      long full = subscriber("full");
      long first = db.sendingMailing(tenant, list, "<p>Eins</p>", List.of(full));
      long second = db.sendingMailing(tenant, list, "<p>Zwei</p>", List.of(full));
      deliver("dsn-soft-mailbox-full.eml", first, full);
      deliver("dsn-greylisted.eml", first, full);
      reader("pop3").poll(ONLY_READER);
      assertThat(status(full)).as("two soft bounces, but of one mailing").isEqualTo("SUBSCRIBED");
      deliver("dsn-soft-mailbox-full.eml", second, full);
      reader("pop3").poll(ONLY_READER);
      assertThat(status(full)).isEqualTo("BOUNCED");
    } finally {
      db.global.remove(SettingKey.BOUNCE_SOFT_LIMIT);
    }
  }

  @Test
  void aBounceCannotReachIntoAnotherTenant() throws Exception {
    long mine = subscriber("mine");
    long mailing = db.sendingMailing(tenant, list, "<p>Hallo</p>", List.of(mine));
    String other = tenant + "-b";
    db.tenant(other);
    long otherList = db.list(other, "Newsletter");
    long theirs = db.subscriber(other, "theirs@example.org", "Theo", otherList, "SUBSCRIBED");
    // a genuine VERP of this tenant's mailing, but naming the other tenant's subscriber id
    deliver("dsn-hard.eml", mailing, theirs);
    reader("imap").poll(ONLY_READER);
    assertThat(
            Sql.column(
                db.owner,
                "SELECT status FROM subscription WHERE tenant_id = ? AND subscriber_id = ?",
                other,
                theirs))
        .containsExactly("SUBSCRIBED");
    assertThat(
            Sql.column(db.owner, "SELECT COUNT(*) FROM bounce_event WHERE tenant_id = ?", tenant))
        .containsExactly("0");
  }

  @Test
  void twoInstancesReadingTheMailboxAtOnceApplyEachBounceOnce() throws Exception {
    List<Long> bounced = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bounced.add(subscriber("gone" + i));
    }
    long mailing = db.sendingMailing(tenant, list, "<p>Hallo</p>", bounced);
    for (long subscriber : bounced) {
      deliver("dsn-hard.eml", mailing, subscriber);
    }
    String lease = "bounce-mailbox-" + tenant;
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService instances = Executors.newFixedThreadPool(2);
    List<Future<Map<BounceKind, Integer>>> rounds = new ArrayList<>();
    try {
      for (String instance : List.of("first", "second")) {
        ClusterLease duty =
            new ClusterLease(
                new ClusterLeases(db.app, true), lease, instance, Duration.ofSeconds(30));
        BounceMailbox reader = reader("imap");
        rounds.add(
            instances.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  duty.renew();
                  return reader.poll(duty::isHeld);
                }));
      }
      List<Integer> hardBounces = new ArrayList<>();
      for (Future<Map<BounceKind, Integer>> round : rounds) {
        hardBounces.add(round.get(60, TimeUnit.SECONDS).getOrDefault(BounceKind.HARD, 0));
      }

      assertThat(hardBounces)
          .as("hard bounces each instance handled")
          .containsExactlyInAnyOrder(6, 0);
    } finally {
      instances.shutdownNow();
    }
    assertThat(
            Sql.column(
                db.owner,
                "SELECT subscriber_id FROM bounce_event WHERE tenant_id = ? AND mailing_id = ?",
                tenant,
                mailing))
        .map(Long::valueOf)
        .containsExactlyInAnyOrderElementsOf(bounced);
    assertThat(mail.getReceivedMessagesForDomain("news.example.com")).isEmpty();
  }

  @Test
  void aReaderWhoseTurnEndsInTheMiddleOfARoundLeavesTheRestInTheMailbox() throws Exception {
    List<Long> bounced = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      bounced.add(subscriber("late" + i));
    }
    long mailing = db.sendingMailing(tenant, list, "<p>Hallo</p>", bounced);
    for (long subscriber : bounced) {
      deliver("dsn-hard.eml", mailing, subscriber);
    }
    AtomicInteger asked = new AtomicInteger();

    // yes before connecting and for the first two messages, then the lease is gone
    Map<BounceKind, Integer> handled = reader("imap").poll(() -> asked.incrementAndGet() <= 3);

    assertThat(handled).containsExactly(Map.entry(BounceKind.HARD, 2));
    assertThat(mail.getReceivedMessagesForDomain("news.example.com")).hasSize(3);
    assertThat(reader("imap").poll(ONLY_READER)).containsExactly(Map.entry(BounceKind.HARD, 3));
    assertThat(
            Sql.column(
                db.owner,
                "SELECT COUNT(DISTINCT subscriber_id) || '/' || COUNT(*) FROM bounce_event"
                    + " WHERE tenant_id = ? AND mailing_id = ?",
                tenant,
                mailing))
        .containsExactly("5/5");
  }

  @Test
  void aBounceThatFailsEveryRoundIsMovedAsideOverImapAndTheOthersAreAppliedMeanwhile()
      throws Exception {
    long poison = subscriber("poison");
    long first = subscriber("first");
    long second = subscriber("second");
    long mailing = db.sendingMailing(tenant, list, "<p>Hallo</p>", List.of(poison));
    deliver("dsn-hard.eml", mailing, poison);
    deliver("dsn-hard.eml", mailing, first);
    BounceMailbox reader = reader("imap");
    try (AutoCloseable refusal = refuseBouncesOf(poison)) {
      for (int round = 1; round < BounceMailbox.ATTEMPTS; round++) {
        if (round == 2) {
          deliver("dsn-hard.eml", mailing, second);
        }
        reader.poll(ONLY_READER);
        assertThat(mail.getReceivedMessagesForDomain("news.example.com"))
            .as("round " + round + ": only the failing bounce stays")
            .hasSize(1);
      }
      assertThat(status(first)).isEqualTo("BOUNCED");
      assertThat(status(second)).isEqualTo("BOUNCED");
      assertThat(status(poison)).isEqualTo("SUBSCRIBED");

      assertThat(reader.poll(ONLY_READER)).as("the last attempt handles nothing").isEmpty();
    }
    assertThat(inbox("INBOX")).as("moved out of the inbox").isZero();
    assertThat(inbox(BounceMailbox.SET_ASIDE)).as("where IT finds it").isEqualTo(1);
    assertThat(status(poison)).isEqualTo("SUBSCRIBED");
  }

  @Test
  void aBounceThatFailsEveryRoundStaysInAPop3MailboxAndIsPassedOver() throws Exception {
    long poison = subscriber("poison");
    long late = subscriber("late");
    long mailing = db.sendingMailing(tenant, list, "<p>Hallo</p>", List.of(poison));
    deliver("dsn-hard.eml", mailing, poison);
    BounceMailbox reader = reader("pop3");
    try (AutoCloseable refusal = refuseBouncesOf(poison)) {
      for (int round = 1; round <= BounceMailbox.ATTEMPTS; round++) {
        reader.poll(ONLY_READER);
      }
      deliver("dsn-hard.eml", mailing, late);
      AtomicInteger asked = new AtomicInteger();

      Map<BounceKind, Integer> handled = reader.poll(() -> asked.incrementAndGet() > 0);

      assertThat(handled).containsExactly(Map.entry(BounceKind.HARD, 1));
      assertThat(asked)
          .as("asked before connecting and before each of the two messages")
          .hasValue(3);
      assertThat(status(late)).isEqualTo("BOUNCED");
      assertThat(mail.getReceivedMessagesForDomain("news.example.com"))
          .as("POP3 has no folder to move it to: it stays")
          .hasSize(1);
      assertThat(status(poison)).isEqualTo("SUBSCRIBED");
    }
    assertThat(reader("pop3").poll(ONLY_READER))
        .as("another reader, once the fault is mended, applies it")
        .containsExactly(Map.entry(BounceKind.HARD, 1));
    assertThat(status(poison)).isEqualTo("BOUNCED");
    assertThat(mail.getReceivedMessagesForDomain("news.example.com")).isEmpty();
  }

  /** The database refuses every bounce about the subscriber, as long as the result is open. */
  private AutoCloseable refuseBouncesOf(long subscriber) throws SQLException {
    String name = "refuse_bounce_" + subscriber;
    ddl(
        "CREATE FUNCTION "
            + name
            + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF NEW.subscriber_id = "
            + subscriber
            + " THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$");
    ddl(
        "CREATE TRIGGER "
            + name
            + " BEFORE INSERT ON bounce_event FOR EACH ROW EXECUTE FUNCTION "
            + name
            + "()");
    return () -> {
      ddl("DROP TRIGGER " + name + " ON bounce_event");
      ddl("DROP FUNCTION " + name + "()");
    };
  }

  private void ddl(String sql) throws SQLException {
    try (Connection c = db.owner.getConnection()) {
      Sql.execute(c, sql);
    }
  }

  /** How many messages the bounce mailbox's folder holds, read over IMAP. */
  private int inbox(String folder) throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", mail.getImap().getPort(), BOUNCES, PASSWORD);
    try {
      Folder open = store.getFolder(folder);
      open.open(Folder.READ_ONLY);
      try {
        return open.getMessageCount();
      } finally {
        open.close(false);
      }
    } finally {
      store.close();
    }
  }

  private long subscriber(String name) {
    return db.subscriber(tenant, name + "@example.org", name, list, "SUBSCRIBED");
  }

  private String status(long subscriber) {
    return Sql.column(
            db.owner,
            "SELECT status FROM subscription WHERE tenant_id = ? AND subscriber_id = ?",
            tenant,
            subscriber)
        .get(0);
  }

  private BounceMailbox reader(String protocol) {
    int port = protocol.equals("imap") ? mail.getImap().getPort() : mail.getPop3().getPort();
    return new BounceMailbox(
        new URLName(protocol, "127.0.0.1", port, "INBOX", BOUNCES, null),
        PASSWORD,
        new BounceParser(db.verp),
        new BounceProcessor(db.transactions(), true, db.settings, Clock.systemUTC()));
  }

  private void deliver(String fixture, long mailing, long subscriber) throws Exception {
    String verp = db.verp.encode(BOUNCES, TenantKey.of(tenant), mailing, subscriber);
    String text;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("bounces/" + fixture)) {
      if (in == null) {
        throw new IOException("No fixture " + fixture);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{VERP}}", verp);
    }
    mailbox.deliver(
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
