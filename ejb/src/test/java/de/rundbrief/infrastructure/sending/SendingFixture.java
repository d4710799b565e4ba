package de.rundbrief.infrastructure.sending;

import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.consent.AesGcmConsentTokens;
import de.rundbrief.infrastructure.consent.ConsentLinks;
import de.rundbrief.infrastructure.html.OwaspMailHtml;
import de.rundbrief.infrastructure.mail.VerpAddresses;
import de.rundbrief.infrastructure.security.AddressHasher;
import de.rundbrief.infrastructure.tenancy.TenantTransactions;
import de.rundbrief.infrastructure.tenancy.TenantWork;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import jakarta.mail.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The sending engine outside the container, on the build's PostgreSQL as the application's role:
 * tenants, lists, subscribers and started mailings seeded in SQL, and a {@link SendingRunner} whose
 * transactions are plain JDBC transactions bound the way the container binds them.
 */
final class SendingFixture {

  static final byte[] HASH_KEY = "a test key of thirty-two bytes!!".getBytes();
  static final byte[] TOKEN_KEY = "another key of thirty-two bytes!".getBytes();
  static final String BASE_URL = "https://news.example.com";

  final DataSource app;

  /** Seeds and inspects past row-level security, as the tests say. */
  final DataSource owner;

  private final boolean postgreSql;

  final Map<SettingKey, String> global = new EnumMap<>(SettingKey.class);
  final VerpAddresses verp = new VerpAddresses("verp key of thirty-two bytes!!!!".getBytes());

  final Settings settings =
      new Settings() {
        @Override
        public EffectiveSettings global() {
          return EffectiveSettings.resolve(
              Map.of(SettingKey.PUBLIC_BASE_URL, BASE_URL), global, Set.of(), Map.of());
        }

        @Override
        public EffectiveSettings of(TenantKey tenant) {
          return global();
        }
      };

  /** On the build's PostgreSQL. */
  SendingFixture() {
    this(PostgresDatabase.get().app(), PostgresDatabase.get().superuser(), true);
  }

  /** On another database: H2 has one user and no row-level security. */
  SendingFixture(DataSource app, DataSource owner, boolean postgreSql) {
    this.app = app;
    this.owner = owner;
    this.postgreSql = postgreSql;
  }

  SendingRunner runner(int smtpPort, String owner) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(smtpPort));
    properties.put("mail.from", "bounces@news.example.com");
    properties.put("mail.smtp.connectiontimeout", "2000");
    properties.put("mail.smtp.timeout", "5000");
    Session session = Session.getInstance(properties);
    ConsentLinks links =
        new ConsentLinks(
            settings, new AesGcmConsentTokens(TOKEN_KEY, Clock.systemUTC()), Clock.systemUTC());
    return new SendingRunner(
            transactions(),
            postgreSql,
            session,
            new OwaspMailHtml(),
            links,
            settings,
            HASH_KEY,
            verp,
            Clock.systemUTC(),
            owner)
        .retryAfter(Duration.ofMillis(200))
        .reconnectAfter(Duration.ofMillis(200));
  }

  /** Transactions bound to tenants the way the container binds them. */
  TenantTransactions transactions() {
    return new TenantTransactions() {
      @Override
      public <T> T inTenant(TenantKey tenant, TenantWork<T> work) {
        return inTransaction(tenant.value(), work);
      }

      @Override
      public <T> T acrossTenants(TenantWork<T> work) {
        return inTransaction(
            String.join(",", Sql.column(app, "SELECT tenant_key FROM tenant")), work);
      }
    };
  }

  /**
   * Runs the work in a transaction on this thread's connection, as the container's pool would give
   * it: a new connection per transaction would measure connecting, not sending.
   */
  <T> T inTransaction(String tenants, TenantWork<T> work) {
    try {
      Connection c = connection.get();
      try {
        if (postgreSql) {
          Sql.restrictTo(c, tenants);
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | java.io.IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final ThreadLocal<Connection> connection = ThreadLocal.withInitial(this::open);

  private Connection open() {
    try {
      Connection c = app.getConnection();
      c.setAutoCommit(false);
      opened.add(c);
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Closes the connections of every thread that worked. */
  void close() {
    for (Connection c : opened) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing at the end of a test; nothing depends on it
      }
    }
  }

  void tenant(String tenant) {
    Sql.update(
        owner,
        "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
            + " VALUES (?, ?, 'ACTIVE', CURRENT_TIMESTAMP, 1)",
        tenant,
        "Tochter " + tenant);
  }

  long list(String tenant, String name) {
    long id = next("mailing_list_seq");
    Sql.update(
        owner,
        "INSERT INTO mailing_list (id, tenant_id, name, visibility, opt_in_mode, created_at,"
            + " version, consent_text_version) VALUES (?, ?, ?, 'PUBLIC', 'DOUBLE',"
            + " CURRENT_TIMESTAMP, 1, 0)",
        id,
        tenant,
        name);
    return id;
  }

  /** A subscriber with a subscription in the given status; returns its id. */
  long subscriber(String tenant, String email, String firstName, long listId, String status) {
    long id = next("subscriber_seq");
    Sql.update(
        owner,
        "INSERT INTO subscriber (id, tenant_id, email, first_name, status, created_at, version)"
            + " VALUES (?, ?, ?, ?, 'ACTIVE', CURRENT_TIMESTAMP, 1)",
        id,
        tenant,
        email,
        firstName);
    Sql.update(
        owner,
        "INSERT INTO subscription (id, tenant_id, subscriber_id, mailing_list_id, status,"
            + " status_changed_at, created_at, version) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP,"
            + " CURRENT_TIMESTAMP, 1)",
        next("subscription_seq"),
        tenant,
        id,
        listId,
        status);
    return id;
  }

  /** A mailing that is sending, to the list, with every given subscriber as queued recipient. */
  long sendingMailing(String tenant, long listId, String html, List<Long> subscribers) {
    long id = next("mailing_seq");
    Sql.update(
        owner,
        "INSERT INTO mailing (id, tenant_id, name, subject, sender_name, sender_address, language,"
            + " html_body, text_body, text_edited, list_ids, segment_ids, status, started_at,"
            + " recipient_count, imprint_html, created_at, updated_at, version)"
            + " VALUES (?, ?, 'Test', 'Hallo {{ firstName | Leserin }}', 'Redaktion',"
            + " 'news@nord.example', 'de', ?, 'Hallo {{ firstName | Leserin }}!', FALSE, ?, '',"
            + " 'SENDING', CURRENT_TIMESTAMP, ?, '<p>Tochter GmbH, Hafenstr. 1</p>',"
            + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
        id,
        tenant,
        html,
        String.valueOf(listId),
        subscribers.size());
    for (long subscriber : subscribers) {
      Sql.update(
          owner,
          "INSERT INTO mailing_recipient (tenant_id, mailing_id, subscriber_id, email, state,"
              + " attempts) SELECT tenant_id, ?, id, email, 'QUEUED', 0 FROM subscriber"
              + " WHERE tenant_id = ? AND id = ?",
          id,
          tenant,
          subscriber);
    }
    return id;
  }

  void suppress(String tenant, String email) {
    Sql.update(
        owner,
        "INSERT INTO suppressed_address (tenant_id, address_hash, reason, suppressed_at)"
            + " VALUES (?, ?, 'ERASED', CURRENT_TIMESTAMP)",
        tenant,
        new AddressHasher(HASH_KEY, TenantKey.of(tenant)).hex(EmailAddress.of(email)));
  }

  /** State and reason of each recipient, by address. */
  Map<String, String> states(long mailingId) {
    Map<String, String> states = new java.util.TreeMap<>();
    for (String row :
        Sql.column(
            owner,
            "SELECT email || '=' || state || COALESCE(':' || reason, '') FROM mailing_recipient"
                + " WHERE mailing_id = "
                + mailingId)) {
      int split = row.indexOf('=');
      states.put(row.substring(0, split), row.substring(split + 1));
    }
    return states;
  }

  String status(long mailingId) {
    return Sql.column(owner, "SELECT status FROM mailing WHERE id = " + mailingId).get(0);
  }

  private long next(String sequence) {
    String next =
        postgreSql ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    return Long.parseLong(Sql.column(owner, next).get(0));
  }
}
