package de.rundbrief.infrastructure.importing;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.rundbrief.domain.importing.ImportJob;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.importing.ImportState;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
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
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * A 1,000,000-row CSV file imported into one tenant of a PostgreSQL that holds 1,000 tenants of
 * 1,000 subscribers each, against PostgreSQL's own {@code COPY} of the same file into a bare table,
 * side by side in one run; each round imports into another tenant ({@code t0500}, {@code t0501},
 * ...), so every round adds 1,000,000 new subscribers. The engine runs as in the container (upload
 * stored in parts, chunks of {@value ImportRunner#DEFAULT_CHUNK_ROWS} rows, one final transaction),
 * as the application's role under row-level security. A measurement, not a test: {@code ./mvnw
 * -Pbenchmark -pl ejb test}; the report goes to {@code ejb/target/benchmarks/import.md}.
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
                "| %d | %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f |%n",
                round,
                tenant,
                copy,
                upload,
                total - upload - apply,
                apply,
                total,
                copy / total);
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

  private static String header(long bytes) {
    return String.format(
        Locale.ROOT,
        "Import of %,d rows (%.1f MiB) into one tenant of %,d tenants with %,d subscribers each,"
            + " against COPY of the same file into a bare table.%n%n"
            + "| round | tenant | COPY | upload | read, check, stage | apply | import total"
            + " | COPY time / import time |%n|---|---|---:|---:|---:|---:|---:|---:|%n",
        ROWS,
        bytes / 1024.0 / 1024.0,
        TENANTS,
        SUBSCRIBERS_PER_TENANT);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
