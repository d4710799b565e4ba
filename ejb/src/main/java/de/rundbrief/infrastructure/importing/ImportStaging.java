package de.rundbrief.infrastructure.importing;

import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeType;
import de.rundbrief.domain.importing.ImportProblem;
import de.rundbrief.domain.importing.ImportProblemReason;
import de.rundbrief.domain.importing.ImportState;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.importing.ImportParser.Row;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of an import job's life before and after the final transaction: its state, the staged
 * rows, the problems, and clearing up. Plain SQL on the caller's connection and transaction, which
 * must be bound to the job's tenant.
 */
public final class ImportStaging {

  private static final int BATCH = 1_000;

  private ImportStaging() {}

  /** Takes a queued job; {@code false} if it is no longer queued (cancelled, or taken). */
  static boolean start(Connection c, long jobId, Instant now) throws SQLException {
    return update(
            c,
            "UPDATE import_job SET state = ?, started_at = ?, heartbeat_at = ?,"
                + " version = version + 1 WHERE id = ? AND state = ?",
            ImportState.RUNNING.name(),
            timestamp(now),
            timestamp(now),
            jobId,
            ImportState.QUEUED.name())
        == 1;
  }

  /**
   * Locks the job's row until the transaction ends, so that a worker's chunk and a cancel take
   * turns, and returns its state ({@code null} if the job is gone).
   */
  static ImportState lock(Connection c, long jobId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT state FROM import_job WHERE id = ? FOR UPDATE")) {
      select.setLong(1, jobId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? ImportState.valueOf(row.getString(1)) : null;
      }
    }
  }

  /** The tenant's suppression list, as hex hashes. */
  static Set<String> suppressedHashes(Connection c, TenantKey tenant) throws SQLException {
    Set<String> hashes = new HashSet<>();
    try (PreparedStatement select =
        c.prepareStatement("SELECT address_hash FROM suppressed_address WHERE tenant_id = ?")) {
      select.setString(1, tenant.value());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          hashes.add(rows.getString(1));
        }
      }
    }
    return hashes;
  }

  /** The tenant's fields by key, to check and type the values an import gives them. */
  static Map<String, ImportParser.Field> fields(Connection c, TenantKey tenant)
      throws SQLException {
    Map<String, ImportParser.Field> fields = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, attribute_key, label, attribute_type, choices, required, created_at"
                + " FROM attribute_definition WHERE tenant_id = ?")) {
      select.setString(1, tenant.value());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String choices = rows.getString(5);
          AttributeDefinition definition =
              new AttributeDefinition(
                  rows.getString(2),
                  rows.getString(3),
                  AttributeType.valueOf(rows.getString(4)),
                  choices == null ? List.of() : List.of(choices.split("\n")),
                  rows.getBoolean(6),
                  rows.getObject(7, OffsetDateTime.class).toInstant());
          fields.put(definition.getKey(), new ImportParser.Field(rows.getLong(1), definition));
        }
      }
    }
    return fields;
  }

  /**
   * Stages good rows: on PostgreSQL as one statement over arrays (its {@code COPY} is refused on
   * tables under row-level security), elsewhere as JDBC batches.
   */
  static void stage(Connection c, boolean postgreSql, TenantKey tenant, long jobId, List<Row> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    stageValues(c, tenant, jobId, rows);
    if (postgreSql) {
      int n = rows.size();
      Long[] lines = new Long[n];
      String[] emails = new String[n];
      String[] firstNames = new String[n];
      String[] lastNames = new String[n];
      for (int i = 0; i < n; i++) {
        Row row = rows.get(i);
        lines[i] = row.line();
        emails[i] = row.email();
        firstNames[i] = row.firstName();
        lastNames[i] = row.lastName();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO import_row (tenant_id, job_id, line, email, first_name, last_name)"
                  + " SELECT ?, ?, r.* FROM unnest(?::bigint[], ?::varchar[], ?::varchar[],"
                  + " ?::varchar[]) r")) {
        insert.setString(1, tenant.value());
        insert.setLong(2, jobId);
        Array[] arrays = {
          c.createArrayOf("bigint", lines),
          c.createArrayOf("varchar", emails),
          c.createArrayOf("varchar", firstNames),
          c.createArrayOf("varchar", lastNames)
        };
        for (int i = 0; i < arrays.length; i++) {
          insert.setArray(3 + i, arrays[i]);
        }
        insert.executeUpdate();
        for (Array array : arrays) {
          array.free();
        }
      }
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO import_row (tenant_id, job_id, line, email, first_name, last_name)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      int batched = 0;
      for (Row row : rows) {
        insert.setString(1, tenant.value());
        insert.setLong(2, jobId);
        insert.setLong(3, row.line());
        insert.setString(4, row.email());
        insert.setString(5, row.firstName());
        insert.setString(6, row.lastName());
        insert.addBatch();
        if (++batched % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  static void problems(Connection c, TenantKey tenant, long jobId, List<ImportProblem> problems)
      throws SQLException {
    if (problems.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO import_problem (tenant_id, job_id, line, reason, detail)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      int batched = 0;
      for (ImportProblem problem : problems) {
        insert.setString(1, tenant.value());
        insert.setLong(2, jobId);
        insert.setLong(3, problem.line());
        insert.setString(4, problem.reason().name());
        insert.setString(5, problem.detail());
        insert.addBatch();
        if (++batched % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** Records how far the worker got, which also tells that it is alive. */
  static void progress(
      Connection c, long jobId, long bytesRead, long rowsRead, long problems, Instant now)
      throws SQLException {
    update(
        c,
        "UPDATE import_job SET bytes_read = ?, rows_read = ?, problems = ?, heartbeat_at = ?,"
            + " version = version + 1 WHERE id = ?",
        bytesRead,
        rowsRead,
        problems,
        timestamp(now),
        jobId);
  }

  /** The job is done with these counts; its staged rows and upload go. */
  static void done(Connection c, long jobId, ImportApply.Counts counts, Instant now)
      throws SQLException {
    update(
        c,
        "UPDATE import_job SET state = ?, imported = ?, updated = ?, skipped = ?,"
            + " bytes_read = upload_bytes, heartbeat_at = ?, finished_at = ?,"
            + " version = version + 1 WHERE id = ?",
        ImportState.DONE.name(),
        counts.imported(),
        counts.updated(),
        counts.skipped(),
        timestamp(now),
        timestamp(now),
        jobId);
    discard(c, jobId);
  }

  /**
   * Ends an open job as failed or cancelled and removes what it staged and its upload.
   *
   * @return the state the job had; the job changed only if that was an open one
   */
  public static ImportState end(
      Connection c, long jobId, ImportState end, String failure, Instant now) throws SQLException {
    ImportState state = lock(c, jobId);
    if (state == null || !state.isOpen()) {
      return state;
    }
    update(
        c,
        "UPDATE import_job SET state = ?, failure = ?, heartbeat_at = ?, finished_at = ?,"
            + " version = version + 1 WHERE id = ?",
        end.name(),
        failure == null ? null : truncate(failure, 2000),
        timestamp(now),
        timestamp(now),
        jobId);
    discard(c, jobId);
    return state;
  }

  /** The values of the mapped fields, one row per value, typed as {@code attribute_value}. */
  private static void stageValues(Connection c, TenantKey tenant, long jobId, List<Row> rows)
      throws SQLException {
    if (rows.stream().allMatch(row -> row.values().isEmpty())) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO import_value (tenant_id, job_id, line, definition_id, text_value,"
                + " number_value, date_value, boolean_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int batched = 0;
      for (Row row : rows) {
        for (ImportParser.Value value : row.values()) {
          insert.setString(1, tenant.value());
          insert.setLong(2, jobId);
          insert.setLong(3, row.line());
          insert.setLong(4, value.definitionId());
          Object v = value.value();
          insert.setString(5, v instanceof String text ? text : null);
          insert.setBigDecimal(6, v instanceof BigDecimal number ? number : null);
          if (v instanceof LocalDate date) {
            insert.setObject(7, date);
          } else {
            insert.setNull(7, Types.DATE);
          }
          if (v instanceof Boolean yes) {
            insert.setBoolean(8, yes);
          } else {
            insert.setNull(8, Types.BOOLEAN);
          }
          insert.addBatch();
          if (++batched % BATCH == 0) {
            insert.executeBatch();
          }
        }
      }
      insert.executeBatch();
    }
  }

  /** Removes the job's staged rows and its upload. */
  static void discard(Connection c, long jobId) throws SQLException {
    update(c, "DELETE FROM import_value WHERE job_id = ?", jobId);
    update(c, "DELETE FROM import_row WHERE job_id = ?", jobId);
    update(c, "DELETE FROM import_upload WHERE job_id = ?", jobId);
  }

  /**
   * Fails the open jobs of the bound tenants whose worker has not reported since {@code
   * staleBefore} (the server stopped under them), and clears up after them.
   *
   * @return how many jobs were failed
   */
  public static int failStale(Connection c, Instant staleBefore, String failure, Instant now)
      throws SQLException {
    List<Long> stale = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id FROM import_job WHERE state IN (?, ?) AND heartbeat_at < ?")) {
      select.setString(1, ImportState.QUEUED.name());
      select.setString(2, ImportState.RUNNING.name());
      select.setObject(3, timestamp(staleBefore));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          stale.add(rows.getLong(1));
        }
      }
    }
    int failed = 0;
    for (long id : stale) {
      if (end(c, id, ImportState.FAILED, failure, now) != null) {
        failed++;
      }
    }
    return failed;
  }

  /** A page of the job's problems by line, after {@code afterLine}. */
  public static List<ImportProblem> problemsAfter(Connection c, long jobId, long afterLine, int max)
      throws SQLException {
    List<ImportProblem> page = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT line, reason, detail FROM import_problem WHERE job_id = ? AND line > ?"
                + " ORDER BY line FETCH FIRST "
                + max
                + " ROWS ONLY")) {
      select.setLong(1, jobId);
      select.setLong(2, afterLine);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          page.add(
              new ImportProblem(
                  rows.getLong(1),
                  ImportProblemReason.valueOf(rows.getString(2)),
                  rows.getString(3)));
        }
      }
    }
    return page;
  }

  static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  static OffsetDateTime timestamp(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
