package de.rundbrief.infrastructure.security;

import de.rundbrief.infrastructure.tenancy.DatabaseDialect;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Keys that Rundbrief generates for itself, one per purpose, kept in the database so that every
 * instance of a cluster uses the same ones and links stay valid across restarts. The first instance
 * to need a key creates it; instances that race for it all read the winner's.
 */
@Singleton
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApplicationSecrets {

  private static final int KEY_BYTES = 32;

  @Resource(lookup = DatabaseDialect.DATASOURCE)
  private DataSource dataSource;

  private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

  /** The 256-bit key for this purpose, created on first use. */
  public byte[] key(String purpose) {
    return keys.computeIfAbsent(purpose, this::loadOrCreate).clone();
  }

  private byte[] loadOrCreate(String purpose) {
    try (Connection connection = dataSource.getConnection()) {
      String stored = read(connection, purpose);
      if (stored == null) {
        insert(connection, purpose);
        stored = read(connection, purpose);
      }
      if (stored == null) {
        throw new IllegalStateException("Secret " + purpose + " could not be stored");
      }
      return Base64.getDecoder().decode(stored);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read secret " + purpose, e);
    }
  }

  private static String read(Connection connection, String purpose) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT secret FROM application_secret WHERE name = ?")) {
      select.setString(1, purpose);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  /** Inserts a fresh key unless another instance got there first. */
  private static void insert(Connection connection, String purpose) throws SQLException {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO application_secret (name, secret, created_at) VALUES (?, ?, ?)")) {
      insert.setString(1, purpose);
      insert.setString(2, Base64.getEncoder().encodeToString(key));
      insert.setTimestamp(3, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    } catch (SQLException raced) {
      if (read(connection, purpose) == null) {
        throw raced;
      }
    }
  }
}
