package de.rundbrief.infrastructure.importing;

import de.rundbrief.domain.importing.UploadTooLargeException;
import de.rundbrief.domain.tenant.TenantKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Uploads in the database, in parts of {@value #PART_BYTES} bytes, so that whichever instance of a
 * cluster picks up the job can read them. Plain SQL on the caller's connection and transaction.
 */
public final class ImportUploads {

  static final int PART_BYTES = 1024 * 1024;

  private ImportUploads() {}

  /**
   * Streams the upload into parts, never holding more than one part in memory.
   *
   * @return the number of bytes stored
   * @throws UploadTooLargeException as soon as the stream goes beyond {@code maxBytes}; the
   *     caller's transaction must then roll back
   */
  public static long store(
      Connection connection, TenantKey tenant, long jobId, InputStream in, long maxBytes)
      throws SQLException {
    long total = 0;
    byte[] part = new byte[PART_BYTES];
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO import_upload (tenant_id, job_id, part, data) VALUES (?, ?, ?, ?)")) {
      for (int number = 0; ; number++) {
        int filled = in.readNBytes(part, 0, PART_BYTES);
        if (filled == 0) {
          return total;
        }
        total += filled;
        if (total > maxBytes) {
          throw new UploadTooLargeException(maxBytes);
        }
        insert.setString(1, tenant.value());
        insert.setLong(2, jobId);
        insert.setInt(3, number);
        insert.setBytes(4, filled == PART_BYTES ? part : Arrays.copyOf(part, filled));
        insert.executeUpdate();
        if (filled < PART_BYTES) {
          return total;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The upload broke off", e);
    }
  }

  /** The part's bytes, or {@code null} after the last part. */
  static byte[] part(Connection connection, long jobId, int number) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT data FROM import_upload WHERE job_id = ? AND part = ?")) {
      select.setLong(1, jobId);
      select.setInt(2, number);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getBytes(1) : null;
      }
    }
  }

  /** Reads the parts one after the other, each fetched when the previous one is used up. */
  static final class PartsInputStream extends InputStream {

    /** Fetches one part, in a transaction of its own. */
    @FunctionalInterface
    interface Parts {
      byte[] part(int number);
    }

    private final Parts parts;
    private int next;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    PartsInputStream(Parts parts) {
      this.parts = parts;
    }

    @Override
    public int read() {
      if (!available0()) {
        return -1;
      }
      return current[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (!available0()) {
        return -1;
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, buffer, offset, n);
      position += n;
      return n;
    }

    private boolean available0() {
      while (position == current.length) {
        if (ended) {
          return false;
        }
        byte[] fetched = parts.part(next++);
        if (fetched == null) {
          ended = true;
          return false;
        }
        current = fetched;
        position = 0;
      }
      return true;
    }
  }
}
