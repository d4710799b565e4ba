package de.rundbrief.domain.mailing;

/** Where one recipient of a mailing stands. */
public enum RecipientState {
  /** Waits to be sent, possibly for a retry after a temporary failure. */
  QUEUED,
  /** Claimed by a worker for a short lease; back to queued if the lease runs out. */
  SENDING,
  /** Accepted by the mail server. */
  SENT,
  /** Refused for good; the reason holds the server's reply. */
  FAILED,
  /** Not sent on purpose (unsubscribed meanwhile, suppressed, cancelled); the reason says why. */
  SKIPPED;

  public boolean isFinal() {
    return this == SENT || this == FAILED || this == SKIPPED;
  }
}
