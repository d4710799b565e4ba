package de.rundbrief.infrastructure.csv;

/**
 * One record read from a CSV file: either a {@link CsvRecord} with its fields or a {@link
 * CsvProblem} saying why the record could not be read. A bad record never stops the file, so an
 * import can take the good rows and report the others by line.
 */
public sealed interface CsvRow permits CsvRecord, CsvProblem {

  /** The physical line (1-based) on which the record starts; the header is line 1. */
  long line();
}
