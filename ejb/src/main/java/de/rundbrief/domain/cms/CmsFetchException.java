package de.rundbrief.domain.cms;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A CMS source could not be read. The reason says what to tell the editor on screen; the message
 * carries the detail (status code, parser message, limit).
 */
@ApplicationException(rollback = true)
public class CmsFetchException extends RuntimeException {

  /** Why a fetch failed, each with its own text in the UI. */
  public enum Reason {
    /** Not an absolute http or https URL. */
    UNSUPPORTED_URL,
    /** The host is, or resolves to, a loopback, private or link-local address not allowed. */
    ADDRESS_NOT_ALLOWED,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** Connecting or reading took longer than the time-out. */
    TIMEOUT,
    /** The answer is larger than the size limit. */
    TOO_LARGE,
    /** The server refused the credentials (401 or 403). */
    UNAUTHORISED,
    /** The server answered with another error status, or redirected too often. */
    HTTP_ERROR,
    /** The connection failed or broke off. */
    UNREACHABLE,
    /** The document is not a well-formed feed, WordPress answer or HTML page. */
    MALFORMED
  }

  private final Reason reason;

  public CmsFetchException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public CmsFetchException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
