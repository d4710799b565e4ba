package de.rundbrief.domain.importing;

import de.rundbrief.domain.consent.ConsentEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.Charset;
import java.util.Locale;

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
 */
public record ImportOptions(
    @NotBlank @Size(max = COLUMN_MAX_LENGTH) String emailColumn,
    @Size(max = COLUMN_MAX_LENGTH) String firstNameColumn,
    @Size(max = COLUMN_MAX_LENGTH) String lastNameColumn,
    @NotNull ExistingSubscribers existing,
    @Size(max = ConsentEvent.DETAIL_MAX_LENGTH) String legalBasis,
    @NotNull @Pattern(regexp = CHARSETS, flags = Pattern.Flag.CASE_INSENSITIVE) String charset,
    Character separator) {

  public static final int COLUMN_MAX_LENGTH = 200;

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
        emailColumn, firstNameColumn, lastNameColumn, newExisting, legalBasis, charset, separator);
  }

  public ImportOptions withLegalBasis(String newLegalBasis) {
    return new ImportOptions(
        emailColumn, firstNameColumn, lastNameColumn, existing, newLegalBasis, charset, separator);
  }

  public ImportOptions withCharset(String newCharset) {
    return new ImportOptions(
        emailColumn, firstNameColumn, lastNameColumn, existing, legalBasis, newCharset, separator);
  }

  public ImportOptions withSeparator(Character newSeparator) {
    return new ImportOptions(
        emailColumn, firstNameColumn, lastNameColumn, existing, legalBasis, charset, newSeparator);
  }

  /** Whether new subscriptions start at once, on the stated legal basis. */
  public boolean subscribesAtOnce() {
    return legalBasis != null;
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
