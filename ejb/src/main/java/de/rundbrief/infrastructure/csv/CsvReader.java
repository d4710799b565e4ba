package de.rundbrief.infrastructure.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import de.rundbrief.infrastructure.csv.CsvProblem.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a CSV file record by record, in constant memory whatever the file's size, for subscriber
 * imports.
 *
 * <p>The format is RFC 4180 with what real files add: line ends may be CRLF, LF or CR, mixed; the
 * separator is {@code ,}, {@code ;} or tab, or detected from the header line; a UTF-8 byte order
 * mark is skipped; blank lines between records are ignored. Fields come back exactly as in the
 * file, without trimming. A quote inside an unquoted field is taken literally, as Excel does.
 *
 * <p>Quotes, separators and line ends are found in the raw bytes, and each field is then decoded on
 * its own with a strict decoder. That is sound because every supported charset (UTF-8 and the
 * single-byte charsets that extend ASCII, such as ISO-8859-1 and windows-1252, which German Excel
 * writes) encodes these characters as their ASCII bytes and never uses those bytes inside another
 * character. It is what lets a byte that is invalid in the charset spoil only its own record, and a
 * record that is too long be skipped without being kept.
 *
 * <p>{@link #next()} returns each record after the header as a {@link CsvRecord} or, when it cannot
 * be read, a {@link CsvProblem}; the reader then goes on with the next record. Not thread-safe.
 */
public final class CsvReader implements AutoCloseable {

  /** Default for {@link Builder#maxRecordChars(int)}. */
  public static final int DEFAULT_MAX_RECORD_CHARS = 64 * 1024;

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final byte QUOTE = '"';
  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final byte[] SEPARATORS = {',', ';', '\t'};

  private enum State {
    FIELD_START,
    UNQUOTED,
    QUOTED,
    /** A quote inside a quoted field: the field's end, or the first of a doubled quote. */
    QUOTE_IN_QUOTED
  }

  private final InputStream in;
  private final Charset charset;
  private final boolean utf8;
  private final boolean latin1;
  private final CharsetDecoder decoder;
  private final int maxRecordChars;
  private final int maxRecordBytes;
  private final byte separator;
  private final List<String> header;

  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean endOfInput;
  private long line = 1;

  /* The record being read: its field bytes back to back, where each field ends, how long it is. */
  private byte[] record = new byte[256];
  private int recordLength;
  private int[] fieldEnds = new int[16];
  private int fieldCount;
  private long recordChars;
  private Reason problem;
  private String problemDetail;
  private char[] decoded = new char[256];
  private int invalidByte;

  private CsvReader(InputStream in, Builder options) throws IOException {
    this.in = in;
    this.maxRecordChars = options.maxRecordChars;
    fillBuffer();
    boolean byteOrderMark = startsWithByteOrderMark();
    if (byteOrderMark) {
      position = 3;
    }
    // A UTF-8 byte order mark is the file's own statement of its charset and outranks the caller's.
    this.charset = byteOrderMark ? UTF_8 : options.charset;
    this.utf8 = charset.equals(UTF_8);
    this.latin1 = charset.equals(ISO_8859_1);
    this.maxRecordBytes = (int) Math.min(Integer.MAX_VALUE - 16, (utf8 ? 4L : 1L) * maxRecordChars);
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.separator = options.separator != 0 ? options.separator : detectSeparator();
    CsvRow first = read(-1);
    if (first == null) {
      throw new CsvHeaderException(
          new CsvProblem(1, Reason.NO_HEADER, "the file is empty; it needs a header line"));
    }
    if (first instanceof CsvProblem broken) {
      throw new CsvHeaderException(
          new CsvProblem(broken.line(), broken.reason(), "header: " + broken.detail()));
    }
    this.header = ((CsvRecord) first).fields();
  }

  /** Reads UTF-8 (or what a byte order mark says), with the separator detected. */
  public static CsvReader open(InputStream in) throws IOException {
    return builder().open(in);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The header's fields, as in the file. */
  public List<String> header() {
    return header;
  }

  /** How many fields every record must have: as many as the header. */
  public int columnCount() {
    return header.size();
  }

  /** The separator in use, given or detected. */
  public char separator() {
    return (char) separator;
  }

  /**
   * The charset in use: the one asked for, or UTF-8 if the file starts with its byte order mark.
   */
  public Charset charset() {
    return charset;
  }

  /**
   * The next record after the header, or {@code null} at the end of the file. A record that cannot
   * be read comes back as a {@link CsvProblem}, and the following call reads the record after it.
   *
   * @throws IOException only if the stream itself fails
   */
  public CsvRow next() throws IOException {
    return read(header.size());
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private CsvRow read(int expectedColumns) throws IOException {
    if (!skipBlankLines()) {
      return null;
    }
    long startLine = line;
    recordLength = 0;
    fieldCount = 0;
    recordChars = 0;
    problem = null;
    State state = State.FIELD_START;
    long quoteLine = 0;
    byte previous = 0;
    while (true) {
      if (position == limit && !fillBuffer()) {
        if (state == State.QUOTED) {
          return new CsvProblem(
              startLine,
              Reason.UNTERMINATED_QUOTE,
              "the quote opened on line " + quoteLine + " is never closed");
        }
        endField();
        return finish(startLine, expectedColumns);
      }
      byte c = buffer[position++];
      switch (state) {
        case FIELD_START:
          if (c == QUOTE) {
            state = State.QUOTED;
            quoteLine = line;
            previous = c;
            break;
          }
          state = State.UNQUOTED;
        // fall through: the byte is the field's first
        case UNQUOTED:
          if (c == separator) {
            separatorSeen();
            state = State.FIELD_START;
          } else if (c == LF || c == CR) {
            lineEnd(c);
            endField();
            return finish(startLine, expectedColumns);
          } else {
            position = appendRun(position - 1, separator);
          }
          break;
        case QUOTED:
          if (c == QUOTE) {
            state = State.QUOTE_IN_QUOTED;
          } else if (c == CR || c == LF) {
            if (c == CR || previous != CR) {
              line++;
            }
            append(c);
          } else {
            position = appendRun(position - 1, QUOTE);
          }
          previous = c;
          break;
        case QUOTE_IN_QUOTED:
          if (c == QUOTE) {
            append(c);
            state = State.QUOTED;
          } else if (c == separator) {
            separatorSeen();
            state = State.FIELD_START;
          } else if (c == LF || c == CR) {
            lineEnd(c);
            endField();
            return finish(startLine, expectedColumns);
          } else {
            problem(
                Reason.TEXT_AFTER_QUOTE,
                "text after the closing quote in column " + (fieldCount + 1));
            state = State.UNQUOTED;
          }
          break;
      }
    }
  }

  private boolean skipBlankLines() throws IOException {
    while (position < limit || fillBuffer()) {
      byte c = buffer[position];
      if (c != LF && c != CR) {
        return true;
      }
      position++;
      lineEnd(c);
    }
    return false;
  }

  /** Counts a line end whose first byte was just read; a CR takes a following LF with it. */
  private void lineEnd(byte c) throws IOException {
    line++;
    if (c == CR && (position < limit || fillBuffer()) && buffer[position] == LF) {
      position++;
    }
  }

  /**
   * Appends the buffer's bytes from {@code from} up to the next CR, LF or {@code stop} (or the
   * buffer's end) at once, the reader's fast path, and returns where the run ended.
   */
  private int appendRun(int from, byte stop) {
    byte[] bytes = buffer;
    int end = from + 1;
    while (end < limit) {
      byte c = bytes[end];
      if (c == stop || c == LF || c == CR) {
        break;
      }
      end++;
    }
    if (problem != null) {
      return end;
    }
    int length = end - from;
    long chars = length;
    if (utf8) {
      // Count characters, not bytes: a UTF-8 continuation byte (10xxxxxx) adds none.
      for (int i = from; i < end; i++) {
        if ((bytes[i] & 0xC0) == 0x80) {
          chars--;
        }
      }
    }
    if (!fits(chars, length)) {
      tooLong();
      return end;
    }
    System.arraycopy(bytes, from, record, recordLength, length);
    recordLength += length;
    return end;
  }

  private void append(byte c) {
    if (problem != null) {
      return;
    }
    if (!fits(1, 1)) {
      tooLong();
      return;
    }
    record[recordLength++] = c;
  }

  /** Counts characters towards the limit and makes room for their bytes, if they fit. */
  private boolean fits(long chars, int bytes) {
    recordChars += chars;
    long needed = (long) recordLength + bytes;
    if (recordChars > maxRecordChars || needed > maxRecordBytes) {
      return false;
    }
    if (needed > record.length) {
      record =
          Arrays.copyOf(
              record, (int) Math.min(maxRecordBytes, Math.max(needed, 2L * record.length)));
    }
    return true;
  }

  private void separatorSeen() {
    if (problem == null && !fits(1, 0)) {
      tooLong();
      return;
    }
    endField();
  }

  private void endField() {
    if (problem != null) {
      return;
    }
    if (fieldCount == fieldEnds.length) {
      fieldEnds = Arrays.copyOf(fieldEnds, 2 * fieldCount);
    }
    fieldEnds[fieldCount++] = recordLength;
  }

  private void tooLong() {
    problem(Reason.TOO_LONG, "the record is longer than " + maxRecordChars + " characters");
  }

  /** Records the record's first problem; from then on its bytes are only passed over. */
  private void problem(Reason reason, String detail) {
    if (problem == null) {
      problem = reason;
      problemDetail = detail;
    }
  }

  private CsvRow finish(long startLine, int expectedColumns) {
    if (problem != null) {
      return new CsvProblem(startLine, problem, problemDetail);
    }
    String[] fields = new String[fieldCount];
    int start = 0;
    for (int i = 0; i < fieldCount; i++) {
      int end = fieldEnds[i];
      fields[i] = decode(start, end);
      if (fields[i] == null) {
        return new CsvProblem(
            startLine,
            Reason.INVALID_BYTES,
            String.format(
                "column %d: byte 0x%02X is not valid %s", i + 1, invalidByte, charset.name()));
      }
      start = end;
    }
    if (expectedColumns >= 0 && fieldCount != expectedColumns) {
      return new CsvProblem(
          startLine,
          Reason.WRONG_COLUMN_COUNT,
          fieldCount + " fields where the header has " + expectedColumns + " columns");
    }
    return new CsvRecord(startLine, List.of(fields));
  }

  /** The field's text, or {@code null} when it holds {@link #invalidByte}. */
  private String decode(int from, int to) {
    int length = to - from;
    if (latin1 || isAscii(from, to)) {
      // ASCII reads the same in every supported charset; the Latin-1 constructor is the fastest.
      return new String(record, from, length, ISO_8859_1);
    }
    if (utf8) {
      // The JDK's own UTF-8 decoding is fastest but replaces invalid bytes with U+FFFD, so only a
      // field with U+FFFD needs the strict decoder to tell whether the file has it or had a bad
      // byte.
      String text = new String(record, from, length, UTF_8);
      if (text.indexOf('\uFFFD') < 0) {
        return text;
      }
    }
    if (decoded.length < length) {
      decoded = new char[Math.max(length, 2 * decoded.length)];
    }
    ByteBuffer bytes = ByteBuffer.wrap(record, from, length);
    CharBuffer chars = CharBuffer.wrap(decoded);
    decoder.reset();
    CoderResult result = decoder.decode(bytes, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      invalidByte = record[bytes.position()] & 0xFF;
      return null;
    }
    return new String(decoded, 0, chars.position());
  }

  private boolean isAscii(int from, int to) {
    for (int i = from; i < to; i++) {
      if (record[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The separator that occurs most often outside quotes in the header line; a tie goes to ','. */
  private byte detectSeparator() {
    int[] counts = new int[SEPARATORS.length];
    boolean quoted = false;
    int i = position;
    while (i < limit && (buffer[i] == LF || buffer[i] == CR)) {
      i++;
    }
    for (; i < limit; i++) {
      byte c = buffer[i];
      if (c == QUOTE) {
        quoted = !quoted;
      } else if (!quoted && (c == LF || c == CR)) {
        break;
      } else if (!quoted) {
        for (int s = 0; s < SEPARATORS.length; s++) {
          if (c == SEPARATORS[s]) {
            counts[s]++;
          }
        }
      }
    }
    int best = 0;
    for (int s = 1; s < SEPARATORS.length; s++) {
      if (counts[s] > counts[best]) {
        best = s;
      }
    }
    return SEPARATORS[best];
  }

  private boolean startsWithByteOrderMark() {
    return limit >= 3
        && buffer[0] == (byte) 0xEF
        && buffer[1] == (byte) 0xBB
        && buffer[2] == (byte) 0xBF;
  }

  /**
   * Refills the used-up buffer: with what one read gives, or at the start as far as the stream
   * goes, so that separator detection sees the whole header line.
   */
  private boolean fillBuffer() throws IOException {
    if (endOfInput) {
      return false;
    }
    boolean start = limit == 0;
    position = 0;
    limit = 0;
    do {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        endOfInput = true;
        break;
      }
      limit += n;
    } while (limit == 0 || (start && limit < buffer.length));
    return limit > 0;
  }

  /** How to read a file; the defaults suit a UTF-8 file with any of the usual separators. */
  public static final class Builder {

    private Charset charset = UTF_8;
    private byte separator;
    private int maxRecordChars = DEFAULT_MAX_RECORD_CHARS;

    private Builder() {}

    /**
     * UTF-8 (the default) or a single-byte charset that extends ASCII, such as ISO-8859-1 or
     * windows-1252. A UTF-8 byte order mark at the start of the file outranks this setting.
     */
    public Builder charset(Charset charset) {
      this.charset = requireAsciiCompatible(charset);
      return this;
    }

    /** {@code ,}, {@code ;} or tab. Without it, the reader detects the separator. */
    public Builder separator(char separator) {
      if (separator != ',' && separator != ';' && separator != '\t') {
        throw new IllegalArgumentException("separator must be ',', ';' or tab, not " + separator);
      }
      this.separator = (byte) separator;
      return this;
    }

    /**
     * The longest record the reader keeps, in characters of its fields and separators (quotes and
     * line end not counted). A longer record is reported as {@link Reason#TOO_LONG} and passed
     * over, so memory stays bounded by this limit whatever the file holds.
     */
    public Builder maxRecordChars(int maxRecordChars) {
      if (maxRecordChars < 1) {
        throw new IllegalArgumentException("maxRecordChars must be positive");
      }
      this.maxRecordChars = maxRecordChars;
      return this;
    }

    /**
     * Opens a reader and reads the header. The reader owns the stream from here: it closes it when
     * it is closed, or at once if the header cannot be read.
     *
     * @throws CsvHeaderException if the file is empty or its header line is broken
     */
    public CsvReader open(InputStream in) throws IOException {
      Objects.requireNonNull(in, "in");
      try {
        return new CsvReader(in, this);
      } catch (IOException | RuntimeException e) {
        try {
          in.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }

    private static Charset requireAsciiCompatible(Charset charset) {
      Objects.requireNonNull(charset, "charset");
      String structure = "\t\n\r\",;";
      boolean utf8OrSingleByte =
          charset.equals(UTF_8)
              || (charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1);
      if (!utf8OrSingleByte
          || !Arrays.equals(structure.getBytes(charset), structure.getBytes(ISO_8859_1))) {
        throw new IllegalArgumentException(
            "charset must be UTF-8 or a single-byte charset that extends ASCII, not " + charset);
      }
      return charset;
    }
  }
}
