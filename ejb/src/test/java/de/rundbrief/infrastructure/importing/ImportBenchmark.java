package de.rundbrief.infrastructure.importing;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.rundbrief.domain.importing.ImportJob;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.importing.ImportState;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A 1,000,000-row CSV file imported into one tenant of a PostgreSQL that holds 1,000 tenants of
 * 1,000 subscribers each, against PostgreSQL's own {@code COPY} of the same file into a bare table,
 * and against {@code COPY} of the rows an import writes (subscribers, subscriptions, consent
 * records) straight into Rundbrief's tables with their indexes and keys, side by side in one run;
 * each round imports into another tenant ({@code t0500}, {@code t0501}, ...) and copies into
 * another again ({@code t0600}, ...), so every round adds 2,000,000 new subscribers. The engine
 * runs as in the container (upload stored in parts, chunks of {@value
 * ImportRunner#DEFAULT_CHUNK_ROWS} rows, one final transaction), as the application's role under
 * row-level security. A measurement, not a test: {@code ./mvnw -Pbenchmark -pl ejb test
 * -Dtest=ImportBenchmark}; the report goes to {@code ejb/target/benchmarks/import.md}.
 */
class ImportBenchmark {

  private static final int TENANTS = 1_000;
  private static final int SUBSCRIBERS_PER_TENANT = 1_000;
  private static final int ROWS = 1_000_000;
  private static final int ROUNDS = 3;

  @Test
  void importAgainstCopy() throws Exception {
    PostgresDatabase db = PostgresDatabase.get();
    seed(db.owner());
    Path file = Files.createTempFile("rundbrief-import", ".csv");
    try {
      write(file);
      long bytes = Files.size(file);
      ImportFixture imports = new ImportFixture(db.app(), true);
      Path out = Path.of("target", "benchmarks", "import.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, header(bytes));
      for (int round = 1; round <= ROUNDS; round++) {
        String tenant = String.format(Locale.ROOT, "t%04d", 499 + round);
        double copy = copy(db.owner(), file);
        String floorTenant = String.format(Locale.ROOT, "t%04d", 599 + round);
        double floor =
            copyIntoTables(
                db.superuser(),
                file,
                floorTenant,
                ImportFixture.listIn(db.owner(), true, floorTenant, "Benchmark"));
        long listId = ImportFixture.listIn(db.owner(), true, tenant, "Benchmark");
        long start = System.nanoTime();
        long jobId;
        try (InputStream in = Files.newInputStream(file)) {
          jobId = imports.job(tenant, listId, ImportOptions.of("email", "first", "last"), in);
        }
        double upload = seconds(start);
        long[] staged = new long[1];
        ImportState end =
            new ImportRunner(imports.transactions(), true, ImportFixture.KEY, Clock.systemUTC())
                .afterChunk(
                    c -> {
                      staged[0] = System.nanoTime();
                      return null;
                    })
                .run(TenantKey.of(tenant), jobId);
        double total = seconds(start);
        ImportJob job = imports.read(tenant, jobId);
        if (end != ImportState.DONE || job.getImported() != ROWS) {
          throw new IllegalStateException(
              "Import ended "
                  + end
                  + " with "
                  + job.getImported()
                  + " imported: "
                  + job.getFailure());
        }
        double apply = seconds(staged[0]);
        String row =
            String.format(
                Locale.ROOT,
                "| %d | %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.3f | %.2f |%n",
                round,
                tenant,
                copy,
                floor,
                upload,
                total - upload - apply,
                apply,
                total,
                copy / total,
                floor / total);
        System.out.print(row);
        Files.writeString(out, row, StandardOpenOption.APPEND);
      }
      imports.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void seed(DataSource owner) throws SQLException {
    try (Connection c = owner.getConnection()) {
      c.setAutoCommit(false);
      Sql.execute(
          c,
          "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
              + " SELECT 't' || lpad(i::text, 4, '0'), 'Tenant ' || i, 'ACTIVE', now(), 1"
              + " FROM generate_series(1, ?) i ON CONFLICT DO NOTHING",
          TENANTS);
      Sql.strings(
          c,
          "SELECT set_config('rundbrief.tenants', string_agg(tenant_key, ','), true) FROM tenant"
              + " WHERE tenant_key LIKE 't____'");
      Sql.execute(
          c,
          "INSERT INTO subscriber (id, tenant_id, email, first_name, last_name, status,"
              + " created_at, version)"
              + " SELECT nextval('subscriber_seq'), 't' || lpad(t::text, 4, '0'),"
              + " 'user' || s || '@t' || t || '.example', 'First' || (s % 97), 'Last' || (s % 89),"
              + " 'ACTIVE', now() - make_interval(mins => s), 1"
              + " FROM generate_series(1, ?) t, generate_series(1, ?) s"
              + " ON CONFLICT DO NOTHING",
          TENANTS,
          SUBSCRIBERS_PER_TENANT);
      c.commit();
      c.setAutoCommit(true);
      Sql.execute(c, "ANALYZE");
    }
  }

  /** A file like an export from a CRM: address, first and last name, {@code ;}-separated. */
  private static void write(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
      out.write("email;first;last\n");
      for (int i = 0; i < ROWS; i++) {
        out.write("kunde" + i + ".m" + (i % 7919) + "@firma" + (i % 997) + ".example;");
        out.write("Vorname" + (i % 1013) + ";Nachname" + (i % 4001) + "\n");
      }
    }
  }

  /** COPY of the file into a fresh bare table, as the schema owner: PostgreSQL's own rate. */
  private static double copy(DataSource owner, Path file) throws SQLException, IOException {
    try (Connection c = owner.getConnection()) {
      Sql.execute(c, "DROP TABLE IF EXISTS bench_copy");
      Sql.execute(c, "CREATE TABLE bench_copy (email text, first_name text, last_name text)");
      long start = System.nanoTime();
      try (Reader in = Files.newBufferedReader(file, UTF_8)) {
        long copied =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';')", in);
        if (copied != ROWS) {
          throw new IllegalStateException("COPY took " + copied + " rows");
        }
      }
      double elapsed = seconds(start);
      Sql.execute(c, "DROP TABLE bench_copy");
      return elapsed;
    }
  }

  /**
   * The rows an import of the file writes, {@code COPY}ed straight into Rundbrief's tables in one
   * transaction, with their indexes, keys and triggers but without row-level security (a superuser;
   * PostgreSQL refuses {@code COPY FROM} under row-level security): what PostgreSQL itself needs to
   * store them, the floor for any import. Ids come from the tables' own sequences.
   */
  private static double copyIntoTables(DataSource superuser, Path file, String tenant, long listId)
      throws SQLException, IOException {
    try (Connection c = superuser.getConnection()) {
      c.setAutoCommit(false);
      long subscribers = reserve(c, "subscriber_seq");
      long subscriptions = reserve(c, "subscription_seq");
      long events = reserve(c, "consent_event_seq");
      String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      long start = System.nanoTime();
      copyRows(
          copy,
          "COPY subscriber (id, tenant_id, email, first_name, last_name, status, created_at,"
              + " version) FROM STDIN (FORMAT csv)",
          file,
          (i, cells) ->
              (subscribers + i)
                  + ","
                  + tenant
                  + ","
                  + cells[0]
                  + ","
                  + cells[1]
                  + ","
                  + cells[2]
                  + ",ACTIVE,"
                  + now
                  + ",1\n");
      copyRows(
          copy,
          "COPY subscription (id, tenant_id, subscriber_id, mailing_list_id, status,"
              + " status_changed_at, created_at, version) FROM STDIN (FORMAT csv)",
          file,
          (i, cells) ->
              (subscriptions + i)
                  + ","
                  + tenant
                  + ","
                  + (subscribers + i)
                  + ","
                  + listId
                  + ",PENDING,"
                  + now
                  + ","
                  + now
                  + ",1\n");
      copyRows(
          copy,
          "COPY consent_event (id, tenant_id, subscriber_id, mailing_list_id, list_name,"
              + " event_type, source, occurred_at) FROM STDIN (FORMAT csv)",
          file,
          (i, cells) ->
              (events + i)
                  + ","
                  + tenant
                  + ","
                  + (subscribers + i)
                  + ","
                  + listId
                  + ",Benchmark,REQUESTED,IMPORT,"
                  + now
                  + "\n");
      c.commit();
      return seconds(start);
    }
  }

  /** Takes {@value #ROWS} ids of the sequence for the caller; returns the first. */
  private static long reserve(Connection c, String sequence) throws SQLException {
    long first = Long.parseLong(Sql.strings(c, "SELECT nextval('" + sequence + "')").get(0));
    Sql.strings(c, "SELECT setval('" + sequence + "', ?)", first + ROWS + 50);
    return first;
  }

  /** One CSV line for the {@code i}-th row of the file, from its address and names. */
  private interface Line {
    String of(long i, String[] cells);
  }

  private static void copyRows(CopyManager copy, String sql, Path file, Line line)
      throws SQLException, IOException {
    CopyIn in = copy.copyIn(sql);
    try (BufferedReader rows = Files.newBufferedReader(file, UTF_8)) {
      rows.readLine();
      StringBuilder buffer = new StringBuilder(1 << 17);
      long i = 0;
      for (String row = rows.readLine(); row != null; row = rows.readLine()) {
        buffer.append(line.of(i++, row.split(";", -1)));
        if (buffer.length() > 1 << 16) {
          byte[] bytes = buffer.toString().getBytes(UTF_8);
          in.writeToCopy(bytes, 0, bytes.length);
          buffer.setLength(0);
        }
      }
      byte[] bytes = buffer.toString().getBytes(UTF_8);
      in.writeToCopy(bytes, 0, bytes.length);
      if (in.endCopy() != ROWS) {
        throw new IllegalStateException("COPY took another number of rows: " + sql);
      }
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private static String header(long bytes) {
    return String.format(
        Locale.ROOT,
        "Import of %,d rows (%.1f MiB) into one tenant of %,d tenants with %,d subscribers each,"
            + " against COPY of the same file into a bare table, and COPY of the rows the import"
            + " writes into Rundbrief's tables.%n%n"
            + "| round | tenant | COPY | COPY into the tables | upload | read, check, stage | apply"
            + " | import total | COPY time / import time | COPY into the tables / import time |%n"
            + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|%n",
        ROWS,
        bytes / 1024.0 / 1024.0,
        TENANTS,
        SUBSCRIBERS_PER_TENANT);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
