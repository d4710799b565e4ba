package de.rundbrief.infrastructure.persistence;

import static de.rundbrief.testsupport.Sql.execute;
import static de.rundbrief.testsupport.Sql.restrictTo;
import static de.rundbrief.testsupport.Sql.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wall 2 on its own: native SQL that forgets the tenant, sent as the application's role, still
 * cannot read or change another tenant's rows.
 */
class RowLevelSecurityTest {

  private static final String A = "rls-a";
  private static final String B = "rls-b";

  private static DataSource app;
  private static DataSource owner;

  @BeforeAll
  static void twoTenantsWithSubscribers() throws SQLException {
    PostgresDatabase db = PostgresDatabase.get();
    app = db.app();
    owner = db.owner();
    try (Connection c = owner.getConnection()) {
      c.setAutoCommit(false);
      for (String tenant : new String[] {A, B}) {
        execute(
            c,
            "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
                + " VALUES (?, ?, 'ACTIVE', now(), 1)",
            tenant,
            "Tenant " + tenant);
      }
      restrictTo(c, A + "," + B);
      for (int i = 1; i <= 3; i++) {
        insertSubscriber(c, A, "a" + i + "@rls.example");
      }
      for (int i = 1; i <= 2; i++) {
        insertSubscriber(c, B, "b" + i + "@rls.example");
      }
      c.commit();
    }
  }

  @Test
  void queryThatForgetsTheTenantSeesOnlyTheBoundTenant() throws SQLException {
    try (Connection c = transaction(app)) {
      restrictTo(c, A);
      assertThat(strings(c, "SELECT email FROM subscriber ORDER BY email"))
          .containsExactly("a1@rls.example", "a2@rls.example", "a3@rls.example");
      assertThat(strings(c, "SELECT email FROM subscriber WHERE tenant_id = ?", B)).isEmpty();
    }
  }

  @Test
  void withoutATenantNoRowIsVisible() throws SQLException {
    try (Connection c = transaction(app)) {
      assertThat(strings(c, "SELECT count(*) FROM subscriber")).containsExactly("0");
    }
  }

  @Test
  void theSettingEndsWithTheTransaction() throws SQLException {
    try (Connection c = transaction(app)) {
      restrictTo(c, A);
      assertThat(strings(c, "SELECT count(*) FROM subscriber")).containsExactly("3");
      c.commit();
      assertThat(strings(c, "SELECT count(*) FROM subscriber")).containsExactly("0");
    }
  }

  @Test
  void insertIntoAnotherTenantIsRefused() throws SQLException {
    try (Connection c = transaction(app)) {
      restrictTo(c, A);
      assertThatThrownBy(() -> insertSubscriber(c, B, "intruder@rls.example"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
    }
  }

  @Test
  void updateCannotMoveARowIntoAnotherTenant() throws SQLException {
    try (Connection c = transaction(app)) {
      restrictTo(c, A);
      assertThatThrownBy(
              () ->
                  execute(
                      c,
                      "UPDATE subscriber SET tenant_id = ? WHERE email = ?",
                      B,
                      "a1@rls.example"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
    }
  }

  @Test
  void bulkUpdateAndDeleteWithoutCriterionTouchOnlyTheBoundTenant() throws SQLException {
    try (Connection c = transaction(app)) {
      restrictTo(c, A);
      assertThat(execute(c, "UPDATE subscriber SET last_name = 'Changed'")).isEqualTo(3);
      assertThat(execute(c, "DELETE FROM subscriber")).isEqualTo(3);
      c.rollback();
    }
    try (Connection c = transaction(owner)) {
      restrictTo(c, B);
      assertThat(strings(c, "SELECT coalesce(last_name, '-') FROM subscriber"))
          .containsExactly("-", "-");
    }
  }

  @Test
  void aCentralReadPassesEveryTenantExplicitly() throws SQLException {
    try (Connection c = transaction(app)) {
      restrictTo(c, A + "," + B);
      assertThat(strings(c, "SELECT count(*) FROM subscriber WHERE tenant_id IN (?, ?)", A, B))
          .containsExactly("5");
    }
  }

  @Test
  void theOwnerIsBoundToo() throws SQLException {
    try (Connection c = transaction(owner)) {
      assertThat(strings(c, "SELECT count(*) FROM subscriber")).containsExactly("0");
    }
  }

  @Test
  void theApplicationRoleOwnsNothingAndCannotBypassTheWall() throws SQLException {
    try (Connection c = transaction(app)) {
      assertThat(
              strings(
                  c,
                  "SELECT rolsuper::text || ',' || rolbypassrls::text FROM pg_roles"
                      + " WHERE rolname = current_user"))
          .containsExactly("false,false");
      assertThat(strings(c, "SELECT tablename FROM pg_tables WHERE tableowner = current_user"))
          .isEmpty();
      assertThat(
              strings(
                  c,
                  "SELECT relname FROM pg_class WHERE relname = 'subscriber'"
                      + " AND relrowsecurity AND relforcerowsecurity"))
          .containsExactly("subscriber");
      assertThatThrownBy(() -> execute(c, "ALTER TABLE subscriber DISABLE ROW LEVEL SECURITY"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("must be owner");
    }
  }

  @Test
  void everyTableWithATenantColumnHasForcedRowLevelSecurityAndAPolicy() throws SQLException {
    try (Connection c = transaction(owner)) {
      List<String> tenantTables =
          strings(
              c,
              "SELECT table_name FROM information_schema.columns"
                  + " WHERE table_schema = 'public' AND column_name = 'tenant_id'"
                  + " ORDER BY table_name");
      assertThat(tenantTables).contains("subscriber", "mailing_list", "subscription");
      assertThat(
              strings(
                  c,
                  "SELECT c.relname FROM pg_class c"
                      + " JOIN information_schema.columns col ON col.table_name = c.relname"
                      + " AND col.table_schema = 'public' AND col.column_name = 'tenant_id'"
                      + " WHERE c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity"
                      + " AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))"))
          .as("tenant-owned tables without forced row-level security or policy")
          .isEmpty();
    }
  }

  @Test
  void theAuditLogCannotBeChangedOrDeletedByTheApplication() throws SQLException {
    try (Connection c = transaction(app)) {
      execute(
          c,
          "INSERT INTO audit_entry (id, occurred_at, actor, tenant_key, action, detail)"
              + " VALUES (nextval('audit_entry_seq'), now(), 'tester', ?, 'test.append', 'kept')",
          A);
      c.commit();
      assertThatThrownBy(() -> execute(c, "UPDATE audit_entry SET detail = 'changed'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      c.rollback();
      assertThatThrownBy(() -> execute(c, "DELETE FROM audit_entry"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      c.rollback();
      assertThat(strings(c, "SELECT detail FROM audit_entry WHERE action = 'test.append'"))
          .containsExactly("kept");
    }
  }

  @Test
  void consentProofCannotBeChangedButGoesWithItsErasedSubscriber() throws SQLException {
    try (Connection c = transaction(app)) {
      restrictTo(c, A);
      insertSubscriber(c, A, "consent@rls.example");
      execute(
          c,
          "INSERT INTO consent_event (id, tenant_id, subscriber_id, list_name, event_type,"
              + " source, occurred_at, ip_address)"
              + " SELECT nextval('consent_event_seq'), ?, id, 'News', 'CONFIRMED',"
              + " 'CONFIRMATION_LINK', now(), '192.0.2.7'"
              + " FROM subscriber WHERE email = 'consent@rls.example'",
          A);
      Savepoint recorded = c.setSavepoint();
      assertThatThrownBy(() -> execute(c, "UPDATE consent_event SET ip_address = '10.0.0.1'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("not changed");
      c.rollback(recorded);
      assertThat(strings(c, "SELECT ip_address FROM consent_event WHERE list_name = 'News'"))
          .containsExactly("192.0.2.7");
      execute(c, "DELETE FROM subscriber WHERE email = 'consent@rls.example'");
      assertThat(strings(c, "SELECT ip_address FROM consent_event WHERE list_name = 'News'"))
          .isEmpty();
      c.rollback();
    }
  }

  @Test
  void likeAndLowerAreLeakproofSoTheSearchIndexWorksUnderRowLevelSecurity() throws SQLException {
    try (Connection c = app.getConnection()) {
      // row-level security runs other conditions before its own only if they are leakproof;
      // otherwise the trigram index could not serve the search box (see create-database.sql)
      assertThat(
              strings(
                  c,
                  "SELECT proleakproof FROM pg_proc WHERE oid IN"
                      + " ('pg_catalog.textlike(text, text)'::regprocedure,"
                      + " 'pg_catalog.lower(text)'::regprocedure)"))
          .containsExactly("t", "t");
      assertThat(
              strings(
                  c, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_subscriber_search'"))
          .singleElement()
          .asString()
          .contains("gin (email gin_trgm_ops");
    }
  }

  @Test
  void everyForeignKeyBetweenTenantOwnedTablesNamesTheTenant() throws SQLException {
    try (Connection c = owner.getConnection()) {
      assertThat(
              strings(
                  c,
                  "SELECT k.conrelid::regclass || '.' || k.conname FROM pg_constraint k"
                      + " WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace"
                      + " AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.confrelid"
                      + " AND a.attname = 'tenant_id')"
                      + " AND NOT EXISTS (SELECT 1 FROM pg_attribute a"
                      + " WHERE a.attrelid = k.conrelid AND a.attname = 'tenant_id'"
                      + " AND a.attnum = ANY (k.conkey))"))
          .as("foreign keys into tenant-owned tables that leave the tenant out")
          .isEmpty();
    }
  }

  @Test
  void aRowCannotPointToAnotherTenantsRow() throws SQLException {
    try (Connection c = transaction(owner)) {
      restrictTo(c, A + "," + B);
      execute(
          c,
          "INSERT INTO mailing_list (id, tenant_id, name, visibility, opt_in_mode, created_at,"
              + " version) VALUES (nextval('mailing_list_seq'), ?, 'Cross', 'PUBLIC', 'SINGLE',"
              + " now(), 1)",
          A);
      // foreign-key checks do not pass through row-level security: the key itself names the tenant
      assertThatThrownBy(
              () ->
                  execute(
                      c,
                      "INSERT INTO subscription (id, tenant_id, subscriber_id, mailing_list_id,"
                          + " status, status_changed_at, created_at, version)"
                          + " SELECT nextval('subscription_seq'), ?, s.id, l.id, 'SUBSCRIBED',"
                          + " now(), now(), 1 FROM subscriber s, mailing_list l"
                          + " WHERE s.tenant_id = ? AND l.name = 'Cross' LIMIT 1",
                      A,
                      B))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("fk_subscription_subscriber");
      c.rollback();
    }
  }

  private static Connection transaction(DataSource dataSource) throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  private static void insertSubscriber(Connection c, String tenant, String email)
      throws SQLException {
    execute(
        c,
        "INSERT INTO subscriber (id, tenant_id, email, status, created_at, version)"
            + " VALUES (nextval('subscriber_seq'), ?, ?, 'ACTIVE', now(), 1)",
        tenant,
        email);
  }
}
