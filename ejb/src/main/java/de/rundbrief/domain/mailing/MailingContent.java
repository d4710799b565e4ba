package de.rundbrief.domain.mailing;

import java.util.Objects;

/**
 * What a mailing says, as its editor saves it: the HTML already sanitised, the plain text either
 * written by the editor or generated from the HTML.
 *
 * @param textEdited whether an editor wrote the plain text; if not, it follows the HTML
 */
public record MailingContent(
    String subject,
    String preheader,
    SenderIdentity sender,
    String replyTo,
    String htmlBody,
    String textBody,
    boolean textEdited) {

  public static final int SUBJECT_MAX_LENGTH = 500;
  public static final int PREHEADER_MAX_LENGTH = 500;
  public static final int BODY_MAX_LENGTH = 1_000_000;

  public MailingContent {
    if (subject == null
        || subject.isBlank()
        || subject.strip().length() > SUBJECT_MAX_LENGTH
        || subject.matches("(?s).*[\\p{Cc}\\p{Zl}\\p{Zp}].*")) {
      throw new InvalidMailingException(
          "A mailing needs a subject of one line and at most "
              + SUBJECT_MAX_LENGTH
              + " characters");
    }
    subject = subject.strip();
    preheader = preheader == null || preheader.isBlank() ? null : preheader.strip();
    if (preheader != null && preheader.length() > PREHEADER_MAX_LENGTH) {
      throw new InvalidMailingException(
          "A preheader has at most " + PREHEADER_MAX_LENGTH + " characters");
    }
    Objects.requireNonNull(sender, "sender");
    replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo.strip();
    htmlBody = htmlBody == null ? "" : htmlBody;
    textBody = textBody == null ? "" : textBody;
    if (htmlBody.length() > BODY_MAX_LENGTH || textBody.length() > BODY_MAX_LENGTH) {
      throw new InvalidMailingException(
          "A mailing body has at most " + BODY_MAX_LENGTH + " characters");
    }
    if (htmlBody.isBlank() && textBody.isBlank()) {
      throw new InvalidMailingException("A mailing needs a body");
    }
  }
}
