package de.rundbrief.infrastructure.importing;

import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.InvalidAttributeValueException;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.importing.ImportProblem;
import de.rundbrief.domain.importing.ImportProblemReason;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.InvalidEmailAddressException;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.infrastructure.csv.CsvHeaderException;
import de.rundbrief.infrastructure.csv.CsvProblem;
import de.rundbrief.infrastructure.csv.CsvReader;
import de.rundbrief.infrastructure.csv.CsvRecord;
import de.rundbrief.infrastructure.csv.CsvRow;
import de.rundbrief.infrastructure.security.AddressHasher;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an import file chunk by chunk and sorts its rows into good ones, ready to stage, and
 * problems with line and reason. Good means: readable, a valid address, names without control
 * characters and not too long, the address's first occurrence in the file, and not on the tenant's
 * suppression list. Line breaks inside a quoted name (a cell with several lines in a spreadsheet)
 * become spaces. Not thread-safe.
 */
final class ImportParser implements AutoCloseable {

  /**
   * A good row: the normalised address, the names (blank ones as {@code null}) and the values of
   * the mapped fields it has (blank cells have none).
   */
  record Row(long line, String email, String firstName, String lastName, List<Value> values) {}

  /**
   * One field's value in a row, typed as the field says (String, BigDecimal, LocalDate, Boolean).
   */
  record Value(long definitionId, Object value) {}

  /** A field of the tenant that the import fills, with its column in the file. */
  record Field(long definitionId, AttributeDefinition definition) {}

  /** What one call of {@link #next} read. */
  record Chunk(List<Row> rows, List<ImportProblem> problems) {}

  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");
  private static final int SHOWN_VALUE_LENGTH = 100;

  private final CountingInputStream counted;
  private final CsvReader reader;
  private final int emailColumn;
  private final int firstNameColumn;
  private final int lastNameColumn;
  private final List<Field> fields;
  private final int[] fieldColumns;
  private final AddressHasher hasher;
  private final Set<String> suppressed;
  private final SeenAddresses seen = new SeenAddresses();
  private long rowsRead;

  private ImportParser(
      CountingInputStream counted,
      CsvReader reader,
      ImportOptions options,
      Map<String, Field> tenantFields,
      AddressHasher hasher,
      Set<String> suppressed)
      throws ImportFileException {
    this.counted = counted;
    this.reader = reader;
    this.hasher = hasher;
    this.suppressed = suppressed;
    this.emailColumn = column(options.emailColumn());
    this.firstNameColumn =
        options.firstNameColumn() == null ? -1 : column(options.firstNameColumn());
    this.lastNameColumn = options.lastNameColumn() == null ? -1 : column(options.lastNameColumn());
    this.fields = new ArrayList<>();
    this.fieldColumns = new int[options.fieldColumns().size()];
    int i = 0;
    for (Map.Entry<String, String> mapped : options.fieldColumns().entrySet()) {
      Field field = tenantFields.get(mapped.getKey());
      if (field == null) {
        throw new ImportFileException("The tenant has no field \"" + mapped.getKey() + "\"");
      }
      fields.add(field);
      fieldColumns[i++] = column(mapped.getValue());
    }
  }

  /**
   * Opens the file and reads its header.
   *
   * @param tenantFields the tenant's fields by key
   * @param suppressed the tenant's suppression list as hex hashes (see {@link AddressHasher})
   * @throws ImportFileException if the file is empty, its header is broken or lacks a mapped
   *     column, or a mapped field does not exist
   */
  static ImportParser open(
      InputStream in,
      ImportOptions options,
      Map<String, Field> tenantFields,
      AddressHasher hasher,
      Set<String> suppressed)
      throws IOException, ImportFileException {
    CountingInputStream counted = new CountingInputStream(in);
    CsvReader.Builder builder = CsvReader.builder().charset(Charset.forName(options.charset()));
    if (options.separator() != null) {
      builder.separator(options.separator());
    }
    CsvReader reader;
    try {
      reader = builder.open(counted);
    } catch (CsvHeaderException e) {
      throw new ImportFileException(e.problem().message());
    }
    try {
      return new ImportParser(counted, reader, options, tenantFields, hasher, suppressed);
    } catch (ImportFileException e) {
      reader.close();
      throw e;
    }
  }

  /** The next up to {@code maxRows} records, or {@code null} at the end of the file. */
  Chunk next(int maxRows) throws IOException {
    List<Row> rows = new ArrayList<>(Math.min(maxRows, 1 << 16));
    List<ImportProblem> problems = new ArrayList<>();
    int read = 0;
    while (read < maxRows) {
      CsvRow row = reader.next();
      if (row == null) {
        break;
      }
      read++;
      if (row instanceof CsvProblem problem) {
        problems.add(problemOf(problem));
      } else {
        check((CsvRecord) row, rows, problems);
      }
    }
    rowsRead += read;
    return read == 0 ? null : new Chunk(rows, problems);
  }

  /** Records read so far, good and bad. */
  long rowsRead() {
    return rowsRead;
  }

  /** Bytes of the file consumed so far (the reader reads ahead by up to 64 KiB). */
  long bytesRead() {
    return counted.count;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private void check(CsvRecord record, List<Row> rows, List<ImportProblem> problems) {
    long line = record.line();
    String emailText = record.field(emailColumn);
    if (emailText.isBlank()) {
      problems.add(
          new ImportProblem(line, ImportProblemReason.INVALID_EMAIL, "the address is empty"));
      return;
    }
    EmailAddress email;
    try {
      email = EmailAddress.of(emailText);
    } catch (InvalidEmailAddressException e) {
      problems.add(
          new ImportProblem(
              line,
              ImportProblemReason.INVALID_EMAIL,
              "\"" + shown(emailText.strip()) + "\" is not an e-mail address"));
      return;
    }
    String firstName;
    String lastName;
    try {
      firstName = name(record, firstNameColumn, "first name");
      lastName = name(record, lastNameColumn, "last name");
    } catch (CellException e) {
      problems.add(new ImportProblem(line, e.reason, e.getMessage()));
      return;
    }
    List<Value> values;
    try {
      values = values(record);
    } catch (CellException e) {
      problems.add(new ImportProblem(line, e.reason, e.getMessage()));
      return;
    }
    byte[] hash = hasher.hash(email);
    long first = seen.firstLine(hash, line);
    if (first != 0) {
      problems.add(
          new ImportProblem(
              line,
              ImportProblemReason.DUPLICATE,
              "the address " + email.value() + " is already on line " + first));
      return;
    }
    if (!suppressed.isEmpty() && suppressed.contains(HexFormat.of().formatHex(hash))) {
      problems.add(
          new ImportProblem(
              line,
              ImportProblemReason.SUPPRESSED,
              "the address " + email.value() + " is on the suppression list"));
      return;
    }
    rows.add(new Row(line, email.value(), firstName, lastName, values));
  }

  /** The mapped fields' values of a record; an empty cell gives none. */
  private List<Value> values(CsvRecord record) throws CellException {
    if (fields.isEmpty()) {
      return List.of();
    }
    List<Value> values = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      String cell = record.field(fieldColumns[i]);
      if (cell.isBlank()) {
        continue;
      }
      Field field = fields.get(i);
      try {
        values.add(new Value(field.definitionId(), field.definition().parse(cell)));
      } catch (InvalidAttributeValueException e) {
        throw new CellException(
            ImportProblemReason.INVALID_VALUE,
            "the field \""
                + field.definition().getLabel()
                + "\" cannot take \""
                + shown(cell.strip())
                + "\": "
                + e.getMessage());
      }
    }
    return values;
  }

  private static String name(CsvRecord record, int column, String what) throws CellException {
    if (column < 0) {
      return null;
    }
    String name = LINE_BREAKS.matcher(record.field(column)).replaceAll(" ").strip();
    if (name.isEmpty()) {
      return null;
    }
    if (!name.matches(Subscriber.NAME_PATTERN)) {
      throw new CellException(
          ImportProblemReason.INVALID_NAME, "the " + what + " holds a control character");
    }
    if (name.length() > Subscriber.NAME_MAX_LENGTH) {
      throw new CellException(
          ImportProblemReason.TOO_LONG,
          "the " + what + " is longer than " + Subscriber.NAME_MAX_LENGTH + " characters");
    }
    return name;
  }

  private int column(String name) throws ImportFileException {
    List<String> header = reader.header();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new ImportFileException(
        "The file has no column \""
            + name
            + "\"; its columns are: "
            + String.join(", ", header.stream().map(h -> "\"" + shown(h) + "\"").toList()));
  }

  private static ImportProblem problemOf(CsvProblem problem) {
    ImportProblemReason reason =
        switch (problem.reason()) {
          case INVALID_BYTES -> ImportProblemReason.INVALID_BYTES;
          case WRONG_COLUMN_COUNT -> ImportProblemReason.WRONG_COLUMN_COUNT;
          case UNTERMINATED_QUOTE -> ImportProblemReason.UNTERMINATED_QUOTE;
          case TEXT_AFTER_QUOTE -> ImportProblemReason.TEXT_AFTER_QUOTE;
          case TOO_LONG, NO_HEADER -> ImportProblemReason.TOO_LONG;
        };
    return new ImportProblem(problem.line(), reason, problem.detail());
  }

  private static String shown(String value) {
    String oneLine = LINE_BREAKS.matcher(value).replaceAll(" ");
    return oneLine.length() <= SHOWN_VALUE_LENGTH
        ? oneLine
        : oneLine.substring(0, SHOWN_VALUE_LENGTH) + "\u2026";
  }

  /** A cell that cannot be taken, with the reason. */
  private static final class CellException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ImportProblemReason reason;

    CellException(ImportProblemReason reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }

  /** Counts the bytes the reader takes, for the job's progress. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
