package de.rundbrief.domain.importing;

/** Where an import job stands. Only {@link #QUEUED} and {@link #RUNNING} are still open. */
public enum ImportState {
  /** Uploaded, waiting for a worker. */
  QUEUED,
  /** Rows are being read and checked, or applied. */
  RUNNING,
  /** Every good row is in the list; problems are listed. */
  DONE,
  /** Nothing was imported; {@link ImportJob#getFailure()} says why. */
  FAILED,
  /** Staff cancelled it; nothing was imported. */
  CANCELLED;

  public boolean isOpen() {
    return this == QUEUED || this == RUNNING;
  }
}
