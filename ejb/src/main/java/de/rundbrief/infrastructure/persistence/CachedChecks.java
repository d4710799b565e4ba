package de.rundbrief.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.sessions.Session;

/**
 * Foreign-key checks with a cached plan for the rest of the transaction, for a statement that
 * writes many rows at once. The application's role plans every statement for its values ({@code
 * plan_cache_mode = force_custom_plan}, see {@code create-database.sql}), and PostgreSQL applies
 * that to the query behind each foreign-key check too: an import's four million checks took 104 s
 * planned one by one and 27 s with their cached plan; a mailing's start that fixed 1,000,000
 * recipients, each with two checks, 62-64 s against 22 s. PostgreSQL only.
 */
public final class CachedChecks {

  private static final String SETTING = "SET LOCAL plan_cache_mode = auto";

  private CachedChecks() {}

  /** In the transaction of the entity manager; nothing to do on other databases. */
  static void forThisTransaction(EntityManager em) {
    if (em.unwrap(Session.class).getPlatform().isPostgreSQL()) {
      em.createNativeQuery(SETTING)
          .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
          .executeUpdate();
    }
  }

  /** In the transaction of a PostgreSQL connection. */
  public static void forThisTransaction(Connection postgreSql) throws SQLException {
    try (Statement setting = postgreSql.createStatement()) {
      setting.execute(SETTING);
    }
  }
}
