package de.rundbrief.web.benchmark;

import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import de.rundbrief.web.it.Api;
import de.rundbrief.web.it.RundbriefServer;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The subscriber list through the REST API on Payara Micro against the same SQL sent directly over
 * JDBC, measured side by side in one run, in two tenants of a database with 1,000 tenants: a small
 * one (1,000 subscribers) and a big one (1,000,000). A measurement, not a test: run it with {@code
 * ./mvnw -Pbenchmark verify -pl web} after {@code ./mvnw install -DskipTests} (with {@code -am} the
 * import benchmark of the ejb module would run too); results go to {@code
 * web/target/benchmarks/subscriber-list.md}.
 */
@ExtendWith(RundbriefServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubscriberListBenchmark {

  private static final int TENANTS = 1_000;
  private static final int SUBSCRIBERS_PER_TENANT = 1_000;
  private static final int BIG_TENANT_SUBSCRIBERS = 1_000_000;
  private static final int WARM_UP = 300;
  private static final int ROUNDS = 5;
  private static final int PER_ROUND = 200;

  /** One tenant's list, searched for a piece of text, as its editor sees it. */
  private record Scenario(String label, String tenant, String user, String query) {}

  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario("1,000 subscribers", "t0500", "bench-editor", "user1"),
          new Scenario("1,000,000 subscribers", "t1000", "bench-big", "user1234"));

  /** What EclipseLink sends for the page, with its tenant criterion. */
  private static final String WHERE =
      " FROM SUBSCRIBER WHERE (((EMAIL LIKE ? ESCAPE ? OR LOWER(FIRST_NAME) LIKE ? ESCAPE ?)"
          + " OR LOWER(LAST_NAME) LIKE ? ESCAPE ?) AND (TENANT_ID = ?))";

  @Deployment(testable = false)
  static WebArchive rundbrief() {
    return RundbriefServer.war();
  }

  @ArquillianResource private URL base;

  @Test
  void subscriberListThroughRundbriefAgainstDirectSql() throws Exception {
    PostgresDatabase db = PostgresDatabase.get();
    seed(db.owner());
    StringBuilder report =
        new StringBuilder(
            "| tenant | path | median ms | p95 ms | samples |%n|---|---|---:|---:|---:|%n"
                .formatted());
    for (Scenario scenario : SCENARIOS) {
      report.append(measure(scenario, db.app()));
    }
    Path out = Files.createDirectories(Path.of("target", "benchmarks"));
    Files.writeString(out.resolve("subscriber-list.md"), report);
    System.out.println(report);
  }

  private String measure(Scenario scenario, DataSource app) {
    Api api = Api.as(base, scenario.user());
    String path =
        "tenants/"
            + scenario.tenant()
            + "/subscribers?q="
            + scenario.query()
            + "&size=50&sort=createdAt&desc=true";
    LongSupplier throughRundbrief =
        () -> {
          long start = System.nanoTime();
          Api.Response response = api.get(path);
          long elapsed = System.nanoTime() - start;
          if (response.status() != 200 || response.object().getJsonArray("items").size() != 50) {
            throw new IllegalStateException(
                "Unexpected answer " + response.status() + " for " + path + ": " + response.body());
          }
          return elapsed;
        };
    LongSupplier directSql = () -> timeDirect(app, scenario);
    run(WARM_UP, throughRundbrief);
    run(WARM_UP, directSql);
    List<Long> rundbrief = new ArrayList<>();
    List<Long> direct = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      rundbrief.addAll(run(PER_ROUND, throughRundbrief));
      direct.addAll(run(PER_ROUND, directSql));
    }
    double rundbriefMedian = percentile(rundbrief, 50);
    double directMedian = percentile(direct, 50);
    return String.format(
        Locale.ROOT,
        "| %s, q=%s | REST API on Payara Micro (HTTP Basic, JSON) | %.2f | %.2f | %d |%n"
            + "| %s, q=%s | same SQL over JDBC (set_config, count, page) | %.2f | %.2f | %d |%n"
            + "| %s | ratio of medians | %.1f | | |%n",
        scenario.label(),
        scenario.query(),
        rundbriefMedian,
        percentile(rundbrief, 95),
        rundbrief.size(),
        scenario.label(),
        scenario.query(),
        directMedian,
        percentile(direct, 95),
        direct.size(),
        scenario.label(),
        rundbriefMedian / directMedian);
  }

  /** 1,000 tenants of 1,000 subscribers, and t1000 grown to 1,000,000. */
  private static void seed(DataSource owner) throws SQLException {
    try (Connection c = owner.getConnection()) {
      c.setAutoCommit(false);
      Sql.execute(
          c,
          "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
              + " SELECT 't' || lpad(i::text, 4, '0'), 'Tenant ' || i, 'ACTIVE', now(), 1"
              + " FROM generate_series(1, ?) i ON CONFLICT DO NOTHING",
          TENANTS);
      Sql.strings(
          c,
          "SELECT set_config('rundbrief.tenants', string_agg(tenant_key, ','), true) FROM tenant"
              + " WHERE tenant_key LIKE 't____'");
      Sql.execute(
          c,
          "INSERT INTO subscriber (id, tenant_id, email, first_name, last_name, status,"
              + " created_at, version)"
              + " SELECT nextval('subscriber_seq'), 't' || lpad(t::text, 4, '0'),"
              + " 'user' || s || '@t' || t || '.example', 'First' || (s % 97), 'Last' || (s % 89),"
              + " 'ACTIVE', now() - make_interval(mins => s), 1"
              + " FROM generate_series(1, ?) t, generate_series(1, ?) s",
          TENANTS,
          SUBSCRIBERS_PER_TENANT);
      Sql.execute(
          c,
          "INSERT INTO subscriber (id, tenant_id, email, first_name, last_name, status,"
              + " created_at, version)"
              + " SELECT nextval('subscriber_seq'), 't1000', 'user' || s || '@big.example',"
              + " 'First' || (s % 997), 'Last' || (s % 991), 'ACTIVE',"
              + " now() - make_interval(secs => s), 1"
              + " FROM generate_series(?, ?) s",
          SUBSCRIBERS_PER_TENANT + 1,
          BIG_TENANT_SUBSCRIBERS);
      c.commit();
      c.setAutoCommit(true);
      Sql.execute(c, "ANALYZE subscriber");
    }
  }

  private static long timeDirect(DataSource app, Scenario scenario) {
    long start = System.nanoTime();
    String pattern = "%" + scenario.query() + "%";
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      Sql.restrictTo(c, scenario.tenant());
      long total;
      try (PreparedStatement count = c.prepareStatement("SELECT COUNT(ID)" + WHERE)) {
        bind(count, pattern, scenario.tenant());
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          total = rows.getLong(1);
        }
      }
      int read = 0;
      try (PreparedStatement page =
          c.prepareStatement(
              "SELECT ID, CREATED_AT, FIRST_NAME, LAST_NAME, STATUS, TENANT_ID, VERSION, EMAIL"
                  + WHERE
                  + " ORDER BY CREATED_AT DESC, ID DESC LIMIT ? OFFSET ?")) {
        int next = bind(page, pattern, scenario.tenant());
        page.setInt(next, 50);
        page.setInt(next + 1, 0);
        try (ResultSet rows = page.executeQuery()) {
          while (rows.next()) {
            read++;
          }
        }
      }
      c.commit();
      if (total < 50 || read != 50) {
        throw new IllegalStateException("Unexpected result " + total + "/" + read);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return System.nanoTime() - start;
  }

  private static int bind(PreparedStatement statement, String pattern, String tenant)
      throws SQLException {
    for (int i = 0; i < 3; i++) {
      statement.setString(2 * i + 1, pattern);
      statement.setString(2 * i + 2, "\\");
    }
    statement.setString(7, tenant);
    return 8;
  }

  private static List<Long> run(int times, LongSupplier sample) {
    List<Long> nanos = new ArrayList<>(times);
    for (int i = 0; i < times; i++) {
      nanos.add(sample.getAsLong());
    }
    return nanos;
  }

  private static double percentile(List<Long> nanos, int percent) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(index, 0)) / 1_000_000.0;
  }
}
