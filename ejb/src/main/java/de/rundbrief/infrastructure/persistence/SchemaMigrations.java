package de.rundbrief.infrastructure.persistence;

import de.rundbrief.infrastructure.tenancy.DatabaseDialect;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date when the application starts, before anything else touches it.
 *
 * <p>Migrations run as the schema owner ({@value #SCHEMA_DATASOURCE}); the application itself
 * connects through {@value DatabaseDialect#DATASOURCE} as a role that owns nothing, so that
 * row-level security binds it. On the embedded H2 database both names point to the same pool.
 * Flyway takes a database lock, so instances that start together migrate once.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

  /** The JNDI name of the schema owner's datasource, provided by IT in the server. */
  public static final String SCHEMA_DATASOURCE = "jdbc/rundbrief-schema";

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  @Resource(lookup = SCHEMA_DATASOURCE)
  private DataSource schemaOwner;

  private volatile String version;

  // Not named like the static migrate(DataSource): the EJB container finds lifecycle methods by
  // name and may pick the wrong overload.
  @PostConstruct
  void migrateAtStartup() {
    MigrateResult result = migrate(schemaOwner);
    version =
        result.targetSchemaVersion == null
            ? result.initialSchemaVersion
            : result.targetSchemaVersion;
    LOG.info(
        () ->
            "Schema at version "
                + version
                + ", "
                + result.migrationsExecuted
                + " migration(s) applied");
  }

  /** The schema's version after the migrations at start-up. */
  @Lock(LockType.READ)
  public String version() {
    return version;
  }

  /**
   * Applies the common migrations and those of the database's own kind ({@code
   * db/migration/postgresql} holds the row-level security policies).
   */
  public static MigrateResult migrate(DataSource dataSource) {
    String vendor = DatabaseDialect.isPostgreSql(dataSource) ? "postgresql" : "h2";
    return Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
        .failOnMissingLocations(false)
        .load()
        .migrate();
  }
}
