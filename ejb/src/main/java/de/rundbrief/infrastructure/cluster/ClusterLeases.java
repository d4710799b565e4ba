package de.rundbrief.infrastructure.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The leases in the table {@code cluster_lease}, each taken or renewed in one statement. Expiry is
 * measured by the database's clock only, so instances whose clocks disagree still agree on who
 * holds a lease.
 */
public final class ClusterLeases {

  /**
   * Takes the lease if nobody holds it, it has expired, or the holder already has it (then it is
   * renewed); another holder's live lease stays untouched.
   */
  private static final String HOLD_POSTGRESQL =
      "INSERT INTO cluster_lease AS lease (name, holder, expires_at)"
          + " VALUES (?, ?, CURRENT_TIMESTAMP + ? * INTERVAL '1 millisecond')"
          + " ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder,"
          + " expires_at = EXCLUDED.expires_at"
          + " WHERE lease.expires_at < CURRENT_TIMESTAMP OR lease.holder = EXCLUDED.holder";

  private static final String HOLD_H2 =
      "MERGE INTO cluster_lease lease"
          + " USING (SELECT CAST(? AS VARCHAR(64)) AS name, CAST(? AS VARCHAR(200)) AS holder,"
          + " DATEADD(MILLISECOND, ?, CURRENT_TIMESTAMP) AS expires_at) wanted"
          + " ON lease.name = wanted.name"
          + " WHEN MATCHED AND (lease.expires_at < CURRENT_TIMESTAMP"
          + " OR lease.holder = wanted.holder)"
          + " THEN UPDATE SET holder = wanted.holder, expires_at = wanted.expires_at"
          + " WHEN NOT MATCHED THEN INSERT (name, holder, expires_at)"
          + " VALUES (wanted.name, wanted.holder, wanted.expires_at)";

  /**
   * H2 has no {@code ON CONFLICT}: when two instances insert the same new lease at once, or update
   * it at once, the one that loses gets one of these (duplicate key, concurrent update, lock
   * time-out) and so does not hold it.
   */
  private static final Set<String> LOST_RACE_ON_H2 = Set.of("23505", "90131", "HYT00");

  private final DataSource dataSource;
  private final boolean postgreSql;

  public ClusterLeases(DataSource dataSource, boolean postgreSql) {
    this.dataSource = dataSource;
    this.postgreSql = postgreSql;
  }

  /**
   * Takes or renews the lease {@code name} for {@code holder} until {@code length} from now, by the
   * database's clock.
   *
   * @return whether {@code holder} holds it now
   */
  public boolean tryHold(String name, String holder, Duration length) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement hold =
            connection.prepareStatement(postgreSql ? HOLD_POSTGRESQL : HOLD_H2)) {
      hold.setString(1, name);
      hold.setString(2, holder);
      hold.setLong(3, length.toMillis());
      return hold.executeUpdate() == 1;
    } catch (SQLException e) {
      if (!postgreSql && LOST_RACE_ON_H2.contains(e.getSQLState())) {
        return false;
      }
      throw new IllegalStateException("Cannot take the lease " + name, e);
    }
  }

  /** Gives the lease up at once, if {@code holder} holds it, so another can take it over. */
  public void release(String name, String holder) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement release =
            connection.prepareStatement(
                "DELETE FROM cluster_lease WHERE name = ? AND holder = ?")) {
      release.setString(1, name);
      release.setString(2, holder);
      release.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot give up the lease " + name, e);
    }
  }

  /** How many leases whose names start with {@code prefix} are held now. */
  public int held(String prefix) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*) FROM cluster_lease"
                    + " WHERE name LIKE ? AND expires_at >= CURRENT_TIMESTAMP")) {
      select.setString(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count the leases " + prefix, e);
    }
  }

  /** Who holds the lease now, if anybody. */
  public Optional<String> holder(String name) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT holder FROM cluster_lease"
                    + " WHERE name = ? AND expires_at >= CURRENT_TIMESTAMP")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the lease " + name, e);
    }
  }
}
