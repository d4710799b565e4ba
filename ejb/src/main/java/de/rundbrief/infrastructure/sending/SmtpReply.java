package de.rundbrief.infrastructure.sending;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed SMTP exchange means for the recipient: the server refused for good (5xx), refused
 * for now (4xx), or never answered because the connection failed or broke. Read from the reply
 * lines that Jakarta Mail puts into its exceptions, so it works with any implementation.
 */
record SmtpReply(Kind kind, String text) {

  enum Kind {
    /** 5xx: fail the recipient with the server's words. */
    PERMANENT,
    /** 4xx: try again later. */
    TEMPORARY,
    /** No answer: the recipient was not tried; the connection is gone. */
    CONNECTION
  }

  /** What Jakarta Mail (Angus) reports as the reply when the server closed the connection. */
  private static final String CLOSED = "[EOF]";

  private static final Pattern REPLY =
      Pattern.compile("^\\s*([245])(\\d\\d)[ -].*", Pattern.DOTALL);

  static SmtpReply of(MessagingException failure) {
    boolean connection = false;
    Set<Throwable> seen = new HashSet<>();
    Throwable current = failure;
    while (current != null && seen.add(current)) {
      String message = current.getMessage();
      if (message != null) {
        Matcher reply = REPLY.matcher(message);
        if (reply.matches()) {
          Kind kind = "5".equals(reply.group(1)) ? Kind.PERMANENT : Kind.TEMPORARY;
          if ("2".equals(reply.group(1))) {
            kind = Kind.TEMPORARY;
          }
          return new SmtpReply(kind, message.strip());
        }
      }
      if (current instanceof IOException || CLOSED.equals(message)) {
        connection = true;
      }
      current =
          current instanceof MessagingException messaging && messaging.getNextException() != null
              ? messaging.getNextException()
              : current.getCause();
    }
    String text = failure.getMessage() == null ? failure.toString() : failure.getMessage().strip();
    return new SmtpReply(
        connection || failure.getMessage() == null ? Kind.CONNECTION : Kind.TEMPORARY, text);
  }
}
