package de.rundbrief.domain.mailing;

/** Where a mailing is in its life. */
public enum MailingStatus {
  /** Being written; the only state in which its content changes. */
  DRAFT,
  /** Waits for its time; back to draft to change it. */
  SCHEDULED,
  /** Its recipients are fixed and being sent to. */
  SENDING,
  /** Sending stopped by staff; resumes where it stopped. */
  PAUSED,
  /** Every recipient has been sent to, failed or was skipped. */
  SENT,
  /** Stopped for good; recipients not yet sent to are skipped. */
  CANCELLED;

  /** Sending has started and not ended. */
  public boolean isActive() {
    return this == SENDING || this == PAUSED;
  }
}
