package de.rundbrief.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.sessions.Session;

/**
 * Foreign-key checks with a cached plan for the rest of the transaction, for a statement that
 * writes many rows at once. The application's role plans every statement for its values ({@code
 * plan_cache_mode = force_custom_plan}, see {@code create-database.sql}), and PostgreSQL applies
 * that to the query behind each foreign-key check too: a mailing's start that fixed 1,000,000
 * recipients, each with two checks, took 62-64 s with every check planned anew and 22 s with their
 * cached plan. Nothing to do on other databases.
 */
final class CachedChecks {

  private CachedChecks() {}

  static void forThisTransaction(EntityManager em) {
    if (em.unwrap(Session.class).getPlatform().isPostgreSQL()) {
      em.createNativeQuery("SET LOCAL plan_cache_mode = auto")
          .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
          .executeUpdate();
    }
  }
}
