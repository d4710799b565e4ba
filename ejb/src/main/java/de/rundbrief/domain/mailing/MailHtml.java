package de.rundbrief.domain.mailing;

/** What HTML written for a mail may contain, and its plain-text alternative. */
public interface MailHtml {

  /**
   * The HTML with everything removed that is not on the allow-list (scripts, event handlers, forms,
   * frames, {@code javascript:} links); placeholders survive unchanged, in text and in links.
   */
  String sanitise(String html);

  /** A readable plain-text version: paragraphs and line breaks kept, links as "text (URL)". */
  String plainText(String html);
}
