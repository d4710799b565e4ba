package de.rundbrief.web.publicpages;

/** A client address sent more public requests than allowed this minute. */
public class TooManyRequestsException extends RuntimeException {

  private final long retryAfterSeconds;

  public TooManyRequestsException(long retryAfterSeconds) {
    super("Too many requests; try again in " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long getRetryAfterSeconds() {
    return retryAfterSeconds;
  }
}
