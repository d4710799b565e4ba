package de.rundbrief.infrastructure.importing;

import de.rundbrief.domain.importing.ImportJob;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.TenantTransactions;
import de.rundbrief.infrastructure.tenancy.TenantWork;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.Sql;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The import engine outside the container: jobs created through the entity and the upload store,
 * run by an {@link ImportRunner} whose transactions are plain JDBC transactions bound to the tenant
 * the way the tenant guard binds them.
 */
final class ImportFixture implements AutoCloseable {

  static final byte[] KEY = "a test key of thirty-two bytes!!".getBytes();

  private final DataSource app;
  private final boolean postgreSql;
  private final Jpa jpa;

  ImportFixture(DataSource app, boolean postgreSql) {
    this.app = app;
    this.postgreSql = postgreSql;
    this.jpa = new Jpa(app);
  }

  /** Creates the tenant and a list in it; returns the list's id. */
  static long tenantWithList(DataSource owner, boolean postgreSql, String tenant, String list) {
    Sql.update(
        owner,
        "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
            + " VALUES (?, ?, 'ACTIVE', CURRENT_TIMESTAMP, 1)",
        tenant,
        "Tenant " + tenant);
    return listIn(owner, postgreSql, tenant, list);
  }

  /** Creates a list in the tenant; returns its id. */
  static long listIn(DataSource owner, boolean postgreSql, String tenant, String list) {
    return inTransaction(
        owner,
        postgreSql,
        tenant,
        c -> {
          String next =
              postgreSql
                  ? "SELECT nextval('mailing_list_seq')"
                  : "SELECT NEXT VALUE FOR mailing_list_seq";
          long id = Long.parseLong(Sql.strings(c, next).get(0));
          Sql.execute(
              c,
              "INSERT INTO mailing_list (id, tenant_id, name, visibility, opt_in_mode, created_at,"
                  + " version, consent_text_version) VALUES (?, ?, ?, 'PUBLIC', 'DOUBLE',"
                  + " CURRENT_TIMESTAMP, 1, 0)",
              id,
              tenant,
              list);
          return id;
        });
  }

  /** Defines a field of the tenant; {@code choices} only for CHOICE. */
  static void field(
      DataSource owner,
      boolean postgreSql,
      String tenant,
      String key,
      String type,
      String choices) {
    inTransaction(
        owner,
        postgreSql,
        tenant,
        c -> {
          String next =
              postgreSql
                  ? "SELECT nextval('attribute_definition_seq')"
                  : "SELECT NEXT VALUE FOR attribute_definition_seq";
          Sql.execute(
              c,
              "INSERT INTO attribute_definition (id, tenant_id, attribute_key, label,"
                  + " attribute_type, choices, required, created_at, version)"
                  + " VALUES (?, ?, ?, ?, ?, ?, FALSE, CURRENT_TIMESTAMP, 1)",
              Long.parseLong(Sql.strings(c, next).get(0)),
              tenant,
              key,
              "Feld " + key,
              type,
              choices);
          return null;
        });
  }

  ImportRunner runner() {
    return new ImportRunner(transactions(), postgreSql, KEY, Clock.systemUTC()).chunkRows(3);
  }

  /** A queued job with this file as its upload. */
  long job(String tenant, long listId, ImportOptions options, byte[] file) {
    return job(tenant, listId, options, new ByteArrayInputStream(file));
  }

  long job(String tenant, long listId, ImportOptions options, InputStream file) {
    return jpa.inTransaction(
        tenant,
        postgreSql ? tenant : null,
        em -> {
          ImportJob job = new ImportJob(listId, options, "tester", Instant.now());
          em.persist(job);
          em.flush();
          try {
            job.uploaded(
                ImportUploads.store(
                    em.unwrap(Connection.class),
                    TenantKey.of(tenant),
                    job.getId(),
                    file,
                    Long.MAX_VALUE),
                Instant.now());
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
          return job.getId();
        });
  }

  ImportJob read(String tenant, long jobId) {
    return jpa.inTransaction(
        tenant, postgreSql ? tenant : null, em -> em.find(ImportJob.class, jobId));
  }

  List<String> strings(String tenant, String sql, Object... parameters) {
    return inTenant(TenantKey.of(tenant), c -> Sql.strings(c, sql, parameters));
  }

  long count(String tenant, String sql, Object... parameters) {
    return Long.parseLong(strings(tenant, sql, parameters).get(0));
  }

  <T> T inTenant(TenantKey tenant, TenantWork<T> work) {
    return inTransaction(app, postgreSql, tenant.value(), work);
  }

  /** Plain JDBC transactions, bound the way the container binds them. */
  TenantTransactions transactions() {
    return new TenantTransactions() {
      @Override
      public <T> T inTenant(TenantKey tenant, TenantWork<T> work) {
        return ImportFixture.this.inTenant(tenant, work);
      }

      @Override
      public <T> T acrossTenants(TenantWork<T> work) {
        return inTransaction(
            app,
            postgreSql,
            String.join(",", Sql.column(app, "SELECT tenant_key FROM tenant")),
            work);
      }
    };
  }

  static <T> T inTransaction(
      DataSource dataSource, boolean postgreSql, String tenant, TenantWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (postgreSql) {
          Sql.restrictTo(c, tenant);
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Jpa jpa() {
    return jpa;
  }

  @Override
  public void close() {
    jpa.close();
  }
}
