package de.rundbrief.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

  @Test
  void postgreSqlIsAtTheNewestVersionAndASecondRunChangesNothing() throws SQLException {
    PostgresDatabase db = PostgresDatabase.get();
    assertThat(SchemaMigrations.migrate(db.owner()).migrationsExecuted).isZero();
    try (Connection c = db.owner().getConnection()) {
      assertThat(
              Sql.strings(
                  c,
                  "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
          .containsExactly(
              "1", "1.1", "1.2", "2", "2.1", "3", "3.1", "4", "4.1", "5", "5.1", "5.2", "6.1", "7",
              "7.1", "8", "8.1", "9", "9.1", "10", "10.1", "11", "12", "12.1", "13", "13.1", "14",
              "14.1", "15", "15.1", "16", "17", "18", "18.1", "19", "19.1");
      assertThat(
              Sql.strings(
                  c,
                  "SELECT indexdef FROM pg_indexes"
                      + " WHERE tablename IN"
                      + " ('subscriber', 'mailing_list', 'subscription', 'consent_event',"
                      + " 'attribute_value', 'attribute_definition', 'segment',"
                      + " 'import_job', 'import_upload', 'import_problem', 'tenant_setting',"
                      + " 'mailing', 'mailing_recipient', 'mailing_template', 'api_key')"
                      + " AND indexname NOT LIKE '%_pkey'"
                      + " AND indexname <> 'ix_subscriber_search'"
                      // the sending engine's sweeps over every tenant
                      + " AND indexname NOT IN"
                      + " ('ix_mailing_status_scheduled', 'ix_mailing_recipient_leased')"))
          .allSatisfy(index -> assertThat(index).contains("(tenant_id"));
      // no index is the leading part of another on the same table: each one costs every insert
      assertThat(
              Sql.strings(
                  c,
                  "SELECT indexdef FROM pg_indexes WHERE tablename = 'subscription'"
                      + " AND indexname <> 'subscription_pkey' ORDER BY indexname"))
          .containsExactly(
              "CREATE INDEX ix_subscription_tenant_list_status ON public.subscription USING btree"
                  + " (tenant_id, mailing_list_id, status)",
              "CREATE UNIQUE INDEX uq_subscription_tenant_subscriber_list ON public.subscription"
                  + " USING btree (tenant_id, subscriber_id, mailing_list_id)");
      assertThat(
              Sql.strings(
                  c, "SELECT indexdef FROM pg_indexes WHERE indexname = 'consent_event_mailing'"))
          .containsExactly(
              "CREATE INDEX consent_event_mailing ON public.consent_event USING btree"
                  + " (tenant_id, mailing_id) WHERE (mailing_id IS NOT NULL)");
    }
  }

  @Test
  void twoInstancesStartingTogetherOnAFreshDatabaseMigrateItOnce() throws Exception {
    DataSource fresh = PostgresDatabase.get().freshDatabase("rundbrief_started_together");
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService instances = Executors.newFixedThreadPool(2);
    try {
      List<Future<MigrateResult>> starts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        starts.add(
            instances.submit(
                () -> {
                  together.await();
                  return SchemaMigrations.migrate(fresh);
                }));
      }
      List<Integer> applied = new ArrayList<>();
      for (Future<MigrateResult> start : starts) {
        MigrateResult result = start.get(2, TimeUnit.MINUTES);
        assertThat(result.success).isTrue();
        applied.add(result.migrationsExecuted);
      }

      List<String> versions =
          Sql.column(
              fresh,
              "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
                  + " ORDER BY installed_rank");
      assertThat(versions).hasSize(36).doesNotHaveDuplicates().startsWith("1").endsWith("19.1");
      assertThat(applied).as("one applies every migration, the other none").contains(36, 0);
      assertThat(Sql.column(fresh, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"))
          .containsExactly("0");
    } finally {
      instances.shutdownNow();
    }
  }

  @Test
  void h2GetsTheCommonSchemaWithoutRowLevelSecurity() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:migrations-test;DB_CLOSE_DELAY=-1");
    assertThat(SchemaMigrations.migrate(h2).migrationsExecuted).isEqualTo(18);
    try (Connection c = h2.getConnection()) {
      assertThat(
              Sql.strings(
                  c,
                  "SELECT table_name FROM information_schema.tables"
                      + " WHERE table_schema = 'PUBLIC' ORDER BY table_name"))
          .contains(
              "ATTRIBUTE_DEFINITION",
              "ATTRIBUTE_VALUE",
              "AUDIT_ENTRY",
              "CLUSTER_LEASE",
              "CONSENT_EVENT",
              "GLOBAL_SETTING",
              "IMPORT_JOB",
              "IMPORT_PROBLEM",
              "IMPORT_ROW",
              "IMPORT_UPLOAD",
              "MAILING_LIST",
              "SEGMENT",
              "SETTING_REVISION",
              "SUBSCRIBER",
              "SUBSCRIPTION",
              "SUPPRESSED_ADDRESS",
              "TENANT",
              "TENANT_SETTING");
    }
  }
}
