package de.rundbrief.infrastructure.health;

import de.rundbrief.infrastructure.persistence.SchemaMigrations;
import de.rundbrief.infrastructure.tenancy.DatabaseDialect;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the application's datasource hands out a connection that the database answers on,
 * within two seconds, and the schema has been migrated at start-up.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  /** The check's name in the health answer. */
  public static final String NAME = "database";

  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = DatabaseDialect.DATASOURCE)
  private DataSource dataSource;

  @Inject private SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(NAME).withData("schema", migrations.version());
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(TIMEOUT_SECONDS)) {
        return response
            .down()
            .withData("error", "no answer within " + TIMEOUT_SECONDS + " s")
            .build();
      }
      return response
          .up()
          .withData("database", connection.getMetaData().getDatabaseProductName())
          .build();
    } catch (SQLException e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
