package de.rundbrief.domain.importing;

/** Why a row of an import file was not imported. */
public enum ImportProblemReason {
  /** A byte sequence that is not valid in the file's charset. */
  INVALID_BYTES,
  /** More or fewer fields than the header has columns. */
  WRONG_COLUMN_COUNT,
  /** A quoted field is still open at the end of the file. */
  UNTERMINATED_QUOTE,
  /** Characters after a closing quote. */
  TEXT_AFTER_QUOTE,
  /** The record, or a name in it, is longer than allowed. */
  TOO_LONG,
  /** The e-mail field is empty or not an address. */
  INVALID_EMAIL,
  /** A name holds line breaks or other control characters. */
  INVALID_NAME,
  /** The address came earlier in the file; the first occurrence counts. */
  DUPLICATE,
  /** The address is on the tenant's suppression list and must not be mailed again. */
  SUPPRESSED,
  /** A value for a field does not fit it: a bad number, date, yes/no or choice, or too long. */
  INVALID_VALUE
}
