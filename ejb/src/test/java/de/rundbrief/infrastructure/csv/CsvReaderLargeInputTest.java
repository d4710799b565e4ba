package de.rundbrief.infrastructure.csv;

import static de.rundbrief.infrastructure.csv.CsvReaderTest.all;
import static de.rundbrief.infrastructure.csv.CsvReaderTest.record;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.infrastructure.csv.CsvProblem.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files of 100 MiB, made up while they are read, so that neither the test nor the reader can hold
 * one in memory.
 */
class CsvReaderLargeInputTest {

  private static final long HUNDRED_MIB = 100L << 20;

  @Test
  void countsEveryRecordOfAHundredMegabyteFile() throws IOException {
    GeneratedRecords file = new GeneratedRecords(HUNDRED_MIB);
    long records = 0;
    long problems = 0;
    CsvRecord last = null;

    try (CsvReader reader = CsvReader.open(file)) {
      for (CsvRow row = reader.next(); row != null; row = reader.next()) {
        if (row instanceof CsvRecord record) {
          records++;
          last = record;
        } else {
          problems++;
        }
      }
    }

    assertThat(file.bytesServed()).isGreaterThanOrEqualTo(HUNDRED_MIB);
    assertThat(problems).isZero();
    assertThat(records).isEqualTo(file.records());
    assertThat(last.line()).isEqualTo(file.records() + 1);
    assertThat(last.fields())
        .containsExactly(
            String.format("s%08d@example.org", file.records()),
            "Jürgen",
            "Müller",
            String.format("Nr. %08d; \"Stammleser\"", file.records()));
  }

  /**
   * Reading a line of 100 MiB must neither keep it nor fail on it. The test counts what the reading
   * thread allocates: a reader that kept the line would allocate at least its 100 MiB.
   */
  @Test
  void hundredMegabyteLineIsReportedTooLongWithoutBeingKept() throws IOException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    InputStream file = new GiantLine("email,note\na@x.de,\"", HUNDRED_MIB, "\"\nb@x.de,danach\n");
    List<CsvRow> rows;

    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    try (CsvReader reader = CsvReader.open(file)) {
      rows = all(reader);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

    assertThat(rows)
        .containsExactly(
            new CsvProblem(2, Reason.TOO_LONG, "the record is longer than 65536 characters"),
            record(3, "b@x.de", "danach"));
    assertThat(allocated).as("bytes allocated while reading").isLessThan(16L << 20);
  }

  /**
   * A header and then records that differ only in their number, as many as it takes to exceed the
   * given size. Each has an umlaut and a quoted field with separator and doubled quotes.
   */
  private static final class GeneratedRecords extends InputStream {

    private static final byte[] HEADER = "E-Mail;Vorname;Nachname;Notiz\r\n".getBytes(UTF_8);
    private static final String TEMPLATE =
        "s########@example.org;Jürgen;Müller;\"Nr. ########; \"\"Stammleser\"\"\"\r\n";

    private final byte[] row = TEMPLATE.getBytes(UTF_8);
    private final int[] numberAt = {indexOf(row, 0), indexOf(row, indexOf(row, 0) + 8)};
    private final long records;
    private byte[] current = HEADER;
    private int index;
    private long served;
    private long bytesServed;

    GeneratedRecords(long minimumSize) {
      long size = minimumSize - HEADER.length;
      this.records = (size + row.length - 1) / row.length;
    }

    long records() {
      return records;
    }

    long bytesServed() {
      return bytesServed;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        if (index == current.length) {
          if (served == records) {
            break;
          }
          nextRecord();
        }
        int chunk = Math.min(len - n, current.length - index);
        System.arraycopy(current, index, b, off + n, chunk);
        index += chunk;
        n += chunk;
      }
      bytesServed += n;
      return n == 0 && len > 0 ? -1 : n;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    private void nextRecord() {
      long number = ++served;
      for (int digit = 7; digit >= 0; digit--) {
        byte b = (byte) ('0' + number % 10);
        number /= 10;
        row[numberAt[0] + digit] = b;
        row[numberAt[1] + digit] = b;
      }
      current = row;
      index = 0;
    }

    private static int indexOf(byte[] template, int from) {
      for (int i = from; i < template.length; i++) {
        if (template[i] == '#') {
          return i;
        }
      }
      throw new IllegalArgumentException("no placeholder");
    }
  }

  /** A prefix, then the letter x a given number of times, then a suffix. */
  private static final class GiantLine extends InputStream {

    private final byte[] prefix;
    private final byte[] suffix;
    private final long filler;
    private long position;

    GiantLine(String prefix, long filler, String suffix) {
      this.prefix = prefix.getBytes(UTF_8);
      this.suffix = suffix.getBytes(UTF_8);
      this.filler = filler;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long fillerEnd = prefix.length + filler;
      long end = fillerEnd + suffix.length;
      if (position == end) {
        return -1;
      }
      int n;
      if (position < prefix.length) {
        n = Math.min(len, prefix.length - (int) position);
        System.arraycopy(prefix, (int) position, b, off, n);
      } else if (position < fillerEnd) {
        n = (int) Math.min(len, fillerEnd - position);
        Arrays.fill(b, off, off + n, (byte) 'x');
      } else {
        n = Math.min(len, (int) (end - position));
        System.arraycopy(suffix, (int) (position - fillerEnd), b, off, n);
      }
      position += n;
      return n;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }
  }
}
