package de.rundbrief.testsupport;

import de.rundbrief.infrastructure.persistence.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server for the tests of this JVM, prepared exactly as IT prepares one: the
 * database and its two roles from {@code server-config/postgresql/create-database.sql}, then the
 * schema migrated as the owner.
 */
public final class PostgresDatabase implements AutoCloseable {

  public static final String DATABASE = "rundbrief";
  public static final String OWNER = "rundbrief_owner";
  public static final String APP = "rundbrief_app";

  private static PostgresDatabase instance;

  private final EmbeddedPostgres server;

  private PostgresDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  public static synchronized PostgresDatabase get() {
    if (instance == null) {
      try {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        instance = new PostgresDatabase(server);
        instance.createDatabase();
        SchemaMigrations.migrate(instance.owner());
        Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /**
   * A server of its own, prepared as IT prepares one but with no schema yet: for a test in which
   * Rundbrief migrates it at start-up. The caller closes it.
   */
  public static PostgresDatabase withoutSchema() {
    try {
      PostgresDatabase database = new PostgresDatabase(EmbeddedPostgres.builder().start());
      database.createDatabase();
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema owner, as the migrations connect. */
  public DataSource owner() {
    return server.getDatabase(OWNER, DATABASE);
  }

  /** The application role, as Rundbrief connects for everything but migrations. */
  public DataSource app() {
    return server.getDatabase(APP, DATABASE);
  }

  /** A superuser: for setting up test data only where the test says so. */
  public DataSource superuser() {
    return server.getDatabase("postgres", DATABASE);
  }

  /**
   * Another empty database on the same server, prepared as {@code create-database.sql} prepares
   * Rundbrief's but not migrated; returns its schema owner.
   */
  public DataSource freshDatabase(String name) {
    String script = read(setupScript());
    String connect = "\\connect " + DATABASE;
    execute(
        server.getPostgresDatabase(),
        "CREATE DATABASE " + name + " OWNER " + OWNER + " ENCODING 'UTF8' TEMPLATE template0");
    execute(
        server.getDatabase("postgres", name),
        script.substring(script.indexOf(connect) + connect.length()));
    return server.getDatabase(OWNER, name);
  }

  public int port() {
    return server.getPort();
  }

  private void createDatabase() {
    String script = read(setupScript());
    int split = script.indexOf("\\connect " + DATABASE);
    execute(server.getPostgresDatabase(), script.substring(0, split));
    execute(
        server.getDatabase("postgres", DATABASE),
        script.substring(split + ("\\connect " + DATABASE).length()));
  }

  private static Path setupScript() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("server-config/postgresql/create-database.sql");
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("server-config/postgresql/create-database.sql not found");
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void execute(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String command : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!command.isBlank()) {
          statement.execute(command);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Database set-up failed", e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // the server's files are in a temporary folder; nothing else to do
    }
  }
}
