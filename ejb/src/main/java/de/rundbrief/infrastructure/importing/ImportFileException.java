package de.rundbrief.infrastructure.importing;

/** The file as a whole cannot be imported: it is empty, its header is broken or lacks a column. */
public class ImportFileException extends Exception {

  private static final long serialVersionUID = 1L;

  public ImportFileException(String message) {
    super(message);
  }
}
