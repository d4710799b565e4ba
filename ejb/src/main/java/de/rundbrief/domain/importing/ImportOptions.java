package de.rundbrief.domain.importing;

import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.consent.ConsentEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How to read an import file and what to do with its rows.
 *
 * @param emailColumn the header of the column with the addresses, as in the file
 * @param firstNameColumn the header of the first names' column, or {@code null} for none
 * @param lastNameColumn the header of the last names' column, or {@code null} for none
 * @param existing what to do with addresses the tenant already has
 * @param legalBasis the stated legal basis on which the imported addresses may be mailed; with it
 *     new subscriptions start at once, without it they stay pending until confirmed
 * @param charset {@code UTF-8}, {@code windows-1252} or {@code ISO-8859-1}; a UTF-8 byte order mark
 *     in the file outranks it
 * @param separator {@code ,}, {@code ;} or tab; {@code null} to detect it from the header line
 * @param fieldColumns the tenant's fields (by key) and the headers of the columns with their values
 */
public record ImportOptions(
    @NotBlank @Size(max = COLUMN_MAX_LENGTH) String emailColumn,
    @Size(max = COLUMN_MAX_LENGTH) String firstNameColumn,
    @Size(max = COLUMN_MAX_LENGTH) String lastNameColumn,
    @NotNull ExistingSubscribers existing,
    @Size(max = ConsentEvent.DETAIL_MAX_LENGTH) String legalBasis,
    @NotNull @Pattern(regexp = CHARSETS, flags = Pattern.Flag.CASE_INSENSITIVE) String charset,
    Character separator,
    @NotNull @Size(max = MAX_FIELDS) Map<String, String> fieldColumns) {

  public static final int COLUMN_MAX_LENGTH = 200;

  /** At most this many fields are filled from one file. */
  public static final int MAX_FIELDS = 50;

  private static final java.util.regex.Pattern FIELD_KEY =
      java.util.regex.Pattern.compile(AttributeDefinition.KEY_PATTERN);

  /** The charsets an import reads: UTF-8 and what German Excel writes. */
  public static final String CHARSETS = "UTF-8|windows-1252|ISO-8859-1";

  public ImportOptions {
    emailColumn = emailColumn == null ? null : emailColumn.strip();
    firstNameColumn = blankToNull(firstNameColumn);
    lastNameColumn = blankToNull(lastNameColumn);
    legalBasis = blankToNull(legalBasis);
    charset = charset == null ? null : canonical(charset);
    if (separator != null && separator != ',' && separator != ';' && separator != '\t') {
      throw new IllegalArgumentException("The separator is ',', ';' or tab, not " + separator);
    }
    fieldColumns = cleanFieldColumns(fieldColumns);
  }

  /** Options that fill no field. */
  public ImportOptions(
      String emailColumn,
      String firstNameColumn,
      String lastNameColumn,
      ExistingSubscribers existing,
      String legalBasis,
      String charset,
      Character separator) {
    this(
        emailColumn,
        firstNameColumn,
        lastNameColumn,
        existing,
        legalBasis,
        charset,
        separator,
        Map.of());
  }

  /** The same options, filling the given fields from the given columns. */
  public ImportOptions withFieldColumns(Map<String, String> newFieldColumns) {
    return new ImportOptions(
        emailColumn,
        firstNameColumn,
        lastNameColumn,
        existing,
        legalBasis,
        charset,
        separator,
        newFieldColumns);
  }

  /** Field keys checked, columns stripped, blank columns left out, in the order given. */
  private static Map<String, String> cleanFieldColumns(Map<String, String> given) {
    if (given == null || given.isEmpty()) {
      return Map.of();
    }
    if (given.size() > MAX_FIELDS) {
      throw new IllegalArgumentException("At most " + MAX_FIELDS + " fields per import");
    }
    Map<String, String> cleaned = new LinkedHashMap<>();
    given.forEach(
        (key, column) -> {
          if (key == null || !FIELD_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("No field key: " + key);
          }
          if (column != null && !column.isBlank()) {
            String header = column.strip();
            if (header.length() > COLUMN_MAX_LENGTH || header.matches("(?s).*[\\t\\r\\n].*")) {
              throw new IllegalArgumentException(
                  "A column header has at most "
                      + COLUMN_MAX_LENGTH
                      + " characters and no tab or line break");
            }
            cleaned.put(key, header);
          }
        });
    return Collections.unmodifiableMap(cleaned);
  }

  /** UTF-8, detected separator, skip existing subscribers, pending subscriptions. */
  public static ImportOptions of(
      String emailColumn, String firstNameColumn, String lastNameColumn) {
    return new ImportOptions(
        emailColumn,
        firstNameColumn,
        lastNameColumn,
        ExistingSubscribers.SKIP,
        null,
        "UTF-8",
        null);
  }

  public ImportOptions withExisting(ExistingSubscribers newExisting) {
    return new ImportOptions(
        emailColumn,
        firstNameColumn,
        lastNameColumn,
        newExisting,
        legalBasis,
        charset,
        separator,
        fieldColumns);
  }

  public ImportOptions withLegalBasis(String newLegalBasis) {
    return new ImportOptions(
        emailColumn,
        firstNameColumn,
        lastNameColumn,
        existing,
        newLegalBasis,
        charset,
        separator,
        fieldColumns);
  }

  public ImportOptions withCharset(String newCharset) {
    return new ImportOptions(
        emailColumn,
        firstNameColumn,
        lastNameColumn,
        existing,
        legalBasis,
        newCharset,
        separator,
        fieldColumns);
  }

  public ImportOptions withSeparator(Character newSeparator) {
    return new ImportOptions(
        emailColumn,
        firstNameColumn,
        lastNameColumn,
        existing,
        legalBasis,
        charset,
        newSeparator,
        fieldColumns);
  }

  /** Whether new subscriptions start at once, on the stated legal basis. */
  public boolean subscribesAtOnce() {
    return legalBasis != null;
  }

  /** The field columns as one text, a line of key, tab and column header each; for storing. */
  public String fieldColumnsText() {
    if (fieldColumns.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    fieldColumns.forEach(
        (key, column) -> text.append(key).append('\t').append(column).append('\n'));
    return text.toString();
  }

  /** The field columns from {@link #fieldColumnsText()}. */
  public static Map<String, String> fieldColumnsOf(String text) {
    Map<String, String> columns = new LinkedHashMap<>();
    if (text != null) {
      for (String line : text.split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          columns.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    }
    return columns;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String canonical(String name) {
    for (String known : CHARSETS.split("\\|")) {
      if (known.equalsIgnoreCase(name.strip())) {
        return Charset.forName(known).name();
      }
    }
    return name.strip().toUpperCase(Locale.ROOT);
  }
}
