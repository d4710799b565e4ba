package de.rundbrief.domain.mailing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/**
 * What a template gives a new mailing: subject, preheader and the HTML (already sanitised). A
 * template's placeholders are checked against the tenant's fields when a mailing starts from it.
 */
@Embeddable
public class TemplateContent implements Serializable {

  @Column(name = "SUBJECT", nullable = false, length = MailingContent.SUBJECT_MAX_LENGTH)
  private String subject;

  @Column(name = "PREHEADER", length = MailingContent.PREHEADER_MAX_LENGTH)
  private String preheader;

  @Column(name = "HTML_BODY", nullable = false, length = MailingContent.BODY_MAX_LENGTH)
  private String htmlBody;

  protected TemplateContent() {}

  public TemplateContent(String subject, String preheader, String htmlBody) {
    if (subject == null
        || subject.isBlank()
        || subject.strip().length() > MailingContent.SUBJECT_MAX_LENGTH
        || subject.matches("(?s).*[\\p{Cc}\\p{Zl}\\p{Zp}].*")) {
      throw new InvalidMailingException(
          "A template needs a subject of one line and at most "
              + MailingContent.SUBJECT_MAX_LENGTH
              + " characters");
    }
    if (htmlBody == null || htmlBody.isBlank()) {
      throw new InvalidMailingException("A template needs a body");
    }
    if (htmlBody.length() > MailingContent.BODY_MAX_LENGTH) {
      throw new InvalidMailingException(
          "A template body has at most " + MailingContent.BODY_MAX_LENGTH + " characters");
    }
    this.subject = subject.strip();
    this.preheader = preheader == null || preheader.isBlank() ? null : preheader.strip();
    this.htmlBody = htmlBody;
  }

  public String getSubject() {
    return subject;
  }

  public String getPreheader() {
    return preheader;
  }

  public String getHtmlBody() {
    return htmlBody;
  }
}
