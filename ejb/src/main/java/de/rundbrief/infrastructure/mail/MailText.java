package de.rundbrief.infrastructure.mail;

/** What text must look like before it goes into a mail header or an HTML body. */
final class MailText {

  private MailText() {}

  /**
   * Line breaks and other control characters removed: no value can end a header and start another
   * one, whatever staff or a form put into it.
   */
  static String headerSafe(String text) {
    return text == null ? null : text.replaceAll("\\p{Cntrl}+", " ").strip();
  }

  static String html(String text) {
    if (text == null) {
      return "";
    }
    int first = 0;
    while (first < text.length() && !special(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static boolean special(char c) {
    return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
  }
}
