package de.rundbrief.infrastructure.csv;

import java.util.Objects;

/**
 * A record that could not be read, with the line it starts on, a reason a program can act on and a
 * short English detail for the person who made the file.
 */
public record CsvProblem(long line, Reason reason, String detail) implements CsvRow {

  /** Why a record (or the whole file, for {@link #NO_HEADER}) could not be read. */
  public enum Reason {
    /** The file is empty, holds only a byte order mark or only blank lines. */
    NO_HEADER,
    /** A byte sequence that is not valid in the file's charset, often a wrongly chosen charset. */
    INVALID_BYTES,
    /** The record has more or fewer fields than the header has columns. */
    WRONG_COLUMN_COUNT,
    /** A quoted field is still open at the end of the file. */
    UNTERMINATED_QUOTE,
    /** Characters follow a closing quote before the next separator or line end. */
    TEXT_AFTER_QUOTE,
    /** The record is longer than the reader's limit; the reader skipped it without keeping it. */
    TOO_LONG
  }

  public CsvProblem {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** The problem as one would show it to the person who made the file: "line 17: …". */
  public String message() {
    return "line " + line + ": " + detail;
  }
}
