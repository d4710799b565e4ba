package de.rundbrief.infrastructure.csv;

import java.io.IOException;

/**
 * The file has no usable header line, so none of its records can be read: it is empty, or its
 * header line itself is broken. Like {@link java.util.zip.ZipException} it is an {@link
 * IOException} about the content, not the transport.
 */
public final class CsvHeaderException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient CsvProblem problem;

  CsvHeaderException(CsvProblem problem) {
    super(problem.message());
    this.problem = problem;
  }

  public CsvProblem problem() {
    return problem;
  }
}
