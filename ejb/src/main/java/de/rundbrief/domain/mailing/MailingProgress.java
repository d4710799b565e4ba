package de.rundbrief.domain.mailing;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a mailing has come, counted in the database.
 *
 * @param firstSentAt when its first recipient was sent to, or {@code null}
 * @param lastSentAt when its latest recipient was sent to, or {@code null}
 */
public record MailingProgress(
    long mailingId,
    MailingStatus status,
    long total,
    long queued,
    long sending,
    long sent,
    long failed,
    long skipped,
    Instant firstSentAt,
    Instant lastSentAt)
    implements Serializable {

  /** Recipients not yet done: queued, waiting for a retry or being sent. */
  public long remaining() {
    return queued + sending;
  }

  /** Messages per second since the first one went out; 0 before two have. */
  public double rate() {
    if (firstSentAt == null || lastSentAt == null || sent < 2) {
      return 0;
    }
    long millis = Duration.between(firstSentAt, lastSentAt).toMillis();
    return millis <= 0 ? 0 : (sent - 1) * 1000.0 / millis;
  }

  /** When the rest will have gone out at the current rate; {@code null} if that cannot be told. */
  public Instant expectedEnd(Instant now) {
    double rate = rate();
    if (remaining() == 0 || rate <= 0 || !status.isActive()) {
      return null;
    }
    return now.plusMillis((long) (remaining() / rate * 1000));
  }

  public int getPercentDone() {
    return total == 0 ? 0 : (int) ((total - remaining()) * 100 / total);
  }

  public long getTotal() {
    return total;
  }

  public long getSent() {
    return sent;
  }

  public long getFailed() {
    return failed;
  }

  public long getSkipped() {
    return skipped;
  }

  public long getRemaining() {
    return remaining();
  }

  public double getRate() {
    return rate();
  }

  public MailingStatus getStatus() {
    return status;
  }
}
