package de.rundbrief.infrastructure.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes subscriber exports as RFC 4180 CSV that Excel opens correctly: CRLF line ends, UTF-8,
 * optionally with the byte order mark by which Excel recognises UTF-8, and {@code ;} as separator
 * for a German Excel. A field is quoted only when it holds the separator, a quote, CR or LF; a
 * {@code null} field is written empty.
 *
 * <p>Exported data comes from subscribers, so a cell could be a formula that a spreadsheet runs
 * when the export is opened (CSV injection, see OWASP). A field that starts with {@code =}, {@code
 * +}, {@code -}, {@code @}, tab or CR is therefore written with a leading apostrophe, which
 * spreadsheets take as "this is text". That also turns {@code -5} or {@code +49 30 1234567} into
 * text with a visible apostrophe; an export of subscribers holds names, addresses and phone numbers
 * rather than figures to calculate with, so that is accepted in exchange for never running a cell.
 * The apostrophe stays in the file: reading the export back gives the field with it.
 */
public final class CsvWriter implements AutoCloseable, Flushable {

  private static final String LINE_END = "\r\n";

  private final Writer out;
  private final char separator;

  private CsvWriter(Writer out, char separator) {
    this.out = out;
    this.separator = separator;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Writes one record; {@code null} fields are written empty. */
  public void writeRow(String... fields) throws IOException {
    writeRow(Arrays.asList(fields));
  }

  /** Writes one record; {@code null} fields are written empty. */
  public void writeRow(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(separator);
      }
      writeField(fields.get(i));
    }
    out.write(LINE_END);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void writeField(String value) throws IOException {
    if (value == null || value.isEmpty()) {
      return;
    }
    boolean neutralise = startsLikeFormula(value.charAt(0));
    if (!needsQuotes(value)) {
      if (neutralise) {
        out.write('\'');
      }
      out.write(value);
      return;
    }
    out.write('"');
    if (neutralise) {
      out.write('\'');
    }
    int start = 0;
    for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', start)) {
      out.write(value, start, quote + 1 - start);
      out.write('"');
      start = quote + 1;
    }
    out.write(value, start, value.length() - start);
    out.write('"');
  }

  private static boolean startsLikeFormula(char first) {
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  private boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == separator || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** How to write: {@code ,} without byte order mark unless told otherwise. */
  public static final class Builder {

    private char separator = ',';
    private boolean byteOrderMark;

    private Builder() {}

    /** {@code ,} (the default) or {@code ;}, which a German Excel expects. */
    public Builder separator(char separator) {
      if (separator != ',' && separator != ';') {
        throw new IllegalArgumentException("separator must be ',' or ';', not " + separator);
      }
      this.separator = separator;
      return this;
    }

    /** Starts the file with the UTF-8 byte order mark, without which Excel reads windows-1252. */
    public Builder byteOrderMark(boolean byteOrderMark) {
      this.byteOrderMark = byteOrderMark;
      return this;
    }

    /** Writes UTF-8 to the stream, buffered; closing the writer closes the stream. */
    public CsvWriter open(OutputStream out) throws IOException {
      Objects.requireNonNull(out, "out");
      return open(new OutputStreamWriter(out, UTF_8));
    }

    /**
     * Writes to a character stream, buffered; closing the writer closes it. The byte order mark is
     * written as U+FEFF and only means UTF-8 if the stream encodes UTF-8.
     */
    public CsvWriter open(Writer out) throws IOException {
      Objects.requireNonNull(out, "out");
      CsvWriter writer = new CsvWriter(new BufferedWriter(out), separator);
      if (byteOrderMark) {
        writer.out.write('\uFEFF');
      }
      return writer;
    }
  }
}
