package de.rundbrief.infrastructure.csv;

import java.util.List;
import java.util.Objects;

/**
 * A record that was read completely: its fields exactly as in the file (not trimmed), as many as
 * the header has columns.
 */
public record CsvRecord(long line, List<String> fields) implements CsvRow {

  public CsvRecord {
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
  }

  /** The field in the given column, counted from 0. */
  public String field(int column) {
    return fields.get(column);
  }

  public int size() {
    return fields.size();
  }
}
