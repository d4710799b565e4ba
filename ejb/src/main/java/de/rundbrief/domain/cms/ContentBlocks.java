package de.rundbrief.domain.cms;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Turns CMS items into content blocks of a mailing: for each, its image, its title linked to the
 * page, its teaser and a "read more" link. Every value is escaped here; the mail sanitiser still
 * checks the result when the mailing is saved.
 */
public final class ContentBlocks {

  private static final char ZERO_WIDTH_SPACE = '\u200B';

  private ContentBlocks() {}

  /**
   * @param readMore the link text under each teaser, in the mailing's language
   */
  public static String html(List<CmsItem> items, String readMore) {
    StringBuilder html = new StringBuilder();
    for (CmsItem item : items) {
      html.append("<div class=\"rb-cms-item\">");
      String link = web(item.link());
      String image = web(item.image());
      if (image != null) {
        html.append("<p><img src=\"")
            .append(escape(image))
            .append("\" alt=\"")
            .append(escape(item.title()))
            .append("\" width=\"560\" style=\"max-width: 100%; height: auto\" /></p>");
      }
      html.append("<h2>");
      if (link != null) {
        html.append("<a href=\"").append(escape(link)).append("\">");
      }
      html.append(escape(item.title()));
      if (link != null) {
        html.append("</a>");
      }
      html.append("</h2>");
      if (!item.teaser().isEmpty()) {
        html.append("<p>").append(escape(item.teaser())).append("</p>");
      }
      if (link != null) {
        html.append("<p><a href=\"")
            .append(escape(link))
            .append("\">")
            .append(escape(readMore))
            .append("</a></p>");
      }
      html.append("</div>");
    }
    return html.toString();
  }

  /** Only absolute http and https addresses go into a mail. */
  private static String web(URI uri) {
    if (uri == null || uri.getScheme() == null) {
      return null;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https") ? uri.toString() : null;
  }

  /**
   * Escapes for text and attribute values. Every opening brace is followed by a zero-width space,
   * so that no two braces from the CMS ever stand together and become a placeholder, neither now
   * nor after the sanitiser has decoded the text on a later save.
   */
  /**
   * Text or HTML from the CMS with a zero-width space after every opening brace, so that nothing in
   * it ever becomes a placeholder: for a whole page taken as the body.
   */
  public static String inert(String html) {
    return html.replace("{", "{" + ZERO_WIDTH_SPACE);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '{' -> out.append('{').append(ZERO_WIDTH_SPACE);
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
