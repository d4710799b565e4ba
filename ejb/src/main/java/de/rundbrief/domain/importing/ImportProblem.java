package de.rundbrief.domain.importing;

import java.util.Objects;

/** A row that was not imported: the line it starts on, why, and a short English detail. */
public record ImportProblem(long line, ImportProblemReason reason, String detail) {

  public static final int DETAIL_MAX_LENGTH = 2000;

  public ImportProblem {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    if (detail.length() > DETAIL_MAX_LENGTH) {
      detail = detail.substring(0, DETAIL_MAX_LENGTH);
    }
  }
}
