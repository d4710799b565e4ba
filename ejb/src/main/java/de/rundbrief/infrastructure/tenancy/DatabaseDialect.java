package de.rundbrief.infrastructure.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Which database the application runs on, read once from the datasource. Row-level security (wall
 * 2) exists on PostgreSQL; the embedded H2 database of the demo run has wall 1 only.
 */
@ApplicationScoped
public class DatabaseDialect {

  /** The JNDI name of the application's datasource, provided by IT in the server. */
  public static final String DATASOURCE = "jdbc/rundbrief";

  @Resource(lookup = DATASOURCE)
  private DataSource dataSource;

  private volatile Boolean postgreSql;

  public boolean hasRowLevelSecurity() {
    Boolean known = postgreSql;
    if (known == null) {
      known = postgreSql = isPostgreSql(dataSource);
    }
    return known;
  }

  public static boolean isPostgreSql(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database", e);
    }
  }
}
