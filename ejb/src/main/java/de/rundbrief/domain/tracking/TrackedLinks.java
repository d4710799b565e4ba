package de.rundbrief.domain.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The links in a mailing's HTML that click tracking follows, and the same HTML with each of them
 * replaced by its tracked URL. Trackable is the {@code href} of an {@code <a>} element that points
 * to http or https and has no {@code data-rb-notrack} attribute; mailto, tel, anchors, relative and
 * script links stay as they are. A link's index is its position among the trackable links, so
 * {@link #links} and {@link #rewrite} count alike.
 *
 * <p>A single pass over the tags, no parser and no backtracking regular expression: the rewrite
 * runs once per recipient of a mailing. Comments are skipped; everything outside the rewritten
 * {@code href} values is copied unchanged.
 */
public final class TrackedLinks {

  /** Gives the tracked URL for a link. */
  @FunctionalInterface
  public interface LinkRewriter {

    /**
     * @param index the link's position among the trackable links, from 0
     * @param url the link's target, with character references decoded
     * @return the URL to put into the link instead, unescaped; {@code null} keeps the link as it is
     */
    String tracked(int index, String url);
  }

  private static final String NO_TRACK = "data-rb-notrack";

  private TrackedLinks() {}

  /**
   * The targets of the trackable links, in document order; a link that appears twice counts twice.
   */
  public static List<String> links(String html) {
    List<String> links = new ArrayList<>();
    scan(
        html,
        (start, end, quote, url, trackable) -> {
          if (trackable) {
            links.add(url);
          }
        });
    return links;
  }

  /**
   * Which links of a template (before its placeholders are filled in) are tracked: a personalised
   * message has the same links in the same order, but a link whose whole address is a placeholder
   * ({@code href="{{ field.url }}"}) only becomes a web address when filled in. Rewriting by the
   * template leaves such a link alone, so that every link keeps the index {@link #links} gives it
   * in the template, and the statistics' labels stay right.
   */
  public static Template template(String html) {
    List<Boolean> tracked = new ArrayList<>();
    List<String> links = new ArrayList<>();
    scan(
        html,
        (start, end, quote, url, trackable) -> {
          tracked.add(trackable);
          if (trackable) {
            links.add(url);
          }
        });
    boolean[] flags = new boolean[tracked.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = tracked.get(i);
    }
    return new Template(flags, List.copyOf(links));
  }

  /** Which of a template's links, in document order, are tracked (see {@link #template}). */
  public static final class Template {
    private final boolean[] tracked;
    private final List<String> links;

    private Template(boolean[] tracked, List<String> links) {
      this.tracked = tracked;
      this.links = links;
    }

    boolean tracks(int position) {
      return position < tracked.length && tracked[position];
    }

    /** The tracked links by index, as {@link TrackedLinks#links} gives them. */
    public List<String> links() {
      return links;
    }
  }

  /**
   * The personalised HTML of a template with the links the template tracks rewritten, each with its
   * index in the template; others, such as a link whose address was all placeholder, stay as they
   * are.
   */
  public static String rewrite(String html, Template template, LinkRewriter rewriter) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(rewriter, "rewriter");
    Rewriting rewriting = new Rewriting(html, template, rewriter);
    scan(html, rewriting);
    return rewriting.result();
  }

  /**
   * The HTML with the {@code href} of every trackable link replaced by the rewriter's URL, escaped
   * for the attribute. An unquoted {@code href} gets double quotes; nothing else changes.
   */
  public static String rewrite(String html, LinkRewriter rewriter) {
    Objects.requireNonNull(rewriter, "rewriter");
    Rewriting rewriting = new Rewriting(html, null, rewriter);
    scan(html, rewriting);
    return rewriting.result();
  }

  /**
   * The plain-text alternative with each web address that is also a trackable link of the HTML
   * replaced by the rewriter's URL for that link, so that a click in either part counts for the
   * same link. An address ends at white space or {@code <>"}; punctuation after it ({@code
   * .,;:!?'}, and a closing bracket without its opening one, as in "Angebot (https://…)") is not
   * part of it. Addresses that the HTML does not link to stay as they are.
   *
   * @param htmlLinks the HTML's trackable links, as {@link #links} gives them
   */
  public static String rewriteText(String text, List<String> htmlLinks, LinkRewriter rewriter) {
    Objects.requireNonNull(rewriter, "rewriter");
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < text.length()) {
      int start = webAddressAt(text, i);
      if (start < 0) {
        i++;
        continue;
      }
      int end = addressEnd(text, start);
      String url = text.substring(start, end);
      int index = htmlLinks.indexOf(url);
      String tracked = index < 0 ? null : rewriter.tracked(index, url);
      if (tracked != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 256);
        }
        out.append(text, copied, start).append(tracked);
        copied = end;
      }
      i = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** {@code i} if a web address starts there (at a word's start), otherwise -1. */
  private static int webAddressAt(String text, int i) {
    char c = text.charAt(i);
    if ((c != 'h' && c != 'H') || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
      return -1;
    }
    int end = Math.min(text.length(), i + 9);
    return isWebUrl(text.substring(i, end)) ? i : -1;
  }

  private static int addressEnd(String text, int start) {
    int end = start;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (Character.isWhitespace(c) || c == '<' || c == '>' || c == '"') {
        break;
      }
      end++;
    }
    while (end > start) {
      char last = text.charAt(end - 1);
      if (".,;:!?'".indexOf(last) >= 0
          || (last == ')' && unbalanced(text, start, end, '(', ')'))
          || (last == ']' && unbalanced(text, start, end, '[', ']'))) {
        end--;
      } else {
        break;
      }
    }
    return end;
  }

  private static boolean unbalanced(String text, int start, int end, char open, char close) {
    int depth = 0;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == open) {
        depth++;
      } else if (text.charAt(i) == close) {
        depth--;
      }
    }
    return depth < 0;
  }

  /** Sees every link with an address; {@code trackable} says whether it is one to track. */
  private interface Visitor {
    void link(int valueStart, int valueEnd, char quote, String url, boolean trackable);
  }

  private static final class Rewriting implements Visitor {
    private final String html;
    private final Template template;
    private final LinkRewriter rewriter;
    private StringBuilder out;
    private int copied;
    private int position;
    private int index;

    /** With a template, only the links it tracks count; without, every trackable one. */
    Rewriting(String html, Template template, LinkRewriter rewriter) {
      this.html = html;
      this.template = template;
      this.rewriter = rewriter;
    }

    @Override
    public void link(int valueStart, int valueEnd, char quote, String url, boolean trackable) {
      boolean counted = template == null ? trackable : template.tracks(position);
      position++;
      if (!counted) {
        return;
      }
      int linkIndex = index++;
      if (!trackable) {
        return;
      }
      String tracked = rewriter.tracked(linkIndex, url);
      if (tracked == null) {
        return;
      }
      if (out == null) {
        out = new StringBuilder(html.length() + html.length() / 4);
      }
      out.append(html, copied, valueStart);
      if (quote == 0) {
        out.append('"');
        escape(tracked, '"', out);
        out.append('"');
      } else {
        escape(tracked, quote, out);
      }
      copied = valueEnd;
    }

    String result() {
      if (out == null) {
        return html;
      }
      return out.append(html, copied, html.length()).toString();
    }
  }

  private static void scan(String html, Visitor visitor) {
    int n = html.length();
    int i = html.indexOf('<');
    while (i >= 0) {
      if (html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        if (end < 0) {
          return;
        }
        i = end + 3;
      } else if (isAnchorStart(html, i)) {
        i = anchor(html, i + 2, visitor);
      } else {
        i++;
      }
      i = i < n ? html.indexOf('<', i) : -1;
    }
  }

  private static boolean isAnchorStart(String html, int i) {
    int n = html.length();
    if (i + 1 >= n || (html.charAt(i + 1) != 'a' && html.charAt(i + 1) != 'A')) {
      return false;
    }
    if (i + 2 >= n) {
      return false;
    }
    char next = html.charAt(i + 2);
    return isSpace(next) || next == '>' || next == '/';
  }

  /** Reads the attributes of an {@code <a>} tag from {@code i}; returns where the tag ends. */
  private static int anchor(String html, int i, Visitor visitor) {
    int n = html.length();
    boolean seenHref = false;
    boolean noTrack = false;
    int hrefStart = -1;
    int hrefEnd = -1;
    char hrefQuote = 0;
    while (true) {
      while (i < n && (isSpace(html.charAt(i)) || html.charAt(i) == '/')) {
        i++;
      }
      if (i >= n) {
        return n;
      }
      if (html.charAt(i) == '>') {
        i++;
        break;
      }
      int nameStart = i;
      while (i < n && !endsName(html.charAt(i))) {
        i++;
      }
      int nameEnd = i;
      while (i < n && isSpace(html.charAt(i))) {
        i++;
      }
      int valueStart = -1;
      int valueEnd = -1;
      char quote = 0;
      if (i < n && html.charAt(i) == '=') {
        i++;
        while (i < n && isSpace(html.charAt(i))) {
          i++;
        }
        if (i >= n) {
          return n;
        }
        char c = html.charAt(i);
        if (c == '"' || c == '\'') {
          int close = html.indexOf(c, i + 1);
          if (close < 0) {
            return n;
          }
          quote = c;
          valueStart = i + 1;
          valueEnd = close;
          i = close + 1;
        } else {
          valueStart = i;
          while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
            i++;
          }
          valueEnd = i;
        }
      }
      if (isName(html, nameStart, nameEnd, "href")) {
        if (!seenHref) {
          seenHref = true;
          hrefStart = valueStart;
          hrefEnd = valueEnd;
          hrefQuote = quote;
        }
      } else if (isName(html, nameStart, nameEnd, NO_TRACK)) {
        noTrack = true;
      }
    }
    if (hrefStart >= 0) {
      String url = decode(html, hrefStart, hrefEnd).strip();
      visitor.link(hrefStart, hrefEnd, hrefQuote, url, !noTrack && isWebUrl(url));
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  private static boolean endsName(char c) {
    return isSpace(c) || c == '=' || c == '>' || c == '/';
  }

  private static boolean isName(String html, int start, int end, String name) {
    return end - start == name.length() && html.regionMatches(true, start, name, 0, name.length());
  }

  private static boolean isWebUrl(String url) {
    return (url.length() > 7 && url.regionMatches(true, 0, "http://", 0, 7))
        || (url.length() > 8 && url.regionMatches(true, 0, "https://", 0, 8));
  }

  /** The attribute value with character references decoded; unknown ones stay as written. */
  private static String decode(String html, int start, int end) {
    int amp = html.indexOf('&', start);
    if (amp < 0 || amp >= end) {
      return html.substring(start, end);
    }
    StringBuilder out = new StringBuilder(end - start);
    int i = start;
    while (i < end) {
      char c = html.charAt(i);
      if (c != '&') {
        out.append(c);
        i++;
        continue;
      }
      int semicolon = semicolon(html, i + 1, Math.min(end, i + 11));
      if (semicolon < 0) {
        out.append(c);
        i++;
        continue;
      }
      int codePoint = reference(html, i + 1, semicolon);
      if (codePoint < 0) {
        out.append(c);
        i++;
      } else {
        out.appendCodePoint(codePoint);
        i = semicolon + 1;
      }
    }
    return out.toString();
  }

  private static int semicolon(String html, int from, int to) {
    for (int i = from; i < to; i++) {
      if (html.charAt(i) == ';') {
        return i;
      }
    }
    return -1;
  }

  private static int reference(String html, int start, int end) {
    String name = html.substring(start, end);
    switch (name) {
      case "amp":
        return '&';
      case "quot":
        return '"';
      case "apos":
        return '\'';
      case "lt":
        return '<';
      case "gt":
        return '>';
      default:
        break;
    }
    if (name.length() < 2 || name.charAt(0) != '#') {
      return -1;
    }
    boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
    String digits = name.substring(hex ? 2 : 1);
    if (digits.isEmpty() || digits.length() > 7) {
      return -1;
    }
    int codePoint = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      int digit = c < 128 ? Character.digit(c, hex ? 16 : 10) : -1;
      if (digit < 0) {
        return -1;
      }
      codePoint = codePoint * (hex ? 16 : 10) + digit;
    }
    if (codePoint <= 0
        || !Character.isValidCodePoint(codePoint)
        || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
      return -1;
    }
    return codePoint;
  }

  private static void escape(String value, char quote, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '&') {
        out.append("&amp;");
      } else if (c == '"') {
        out.append("&quot;");
      } else if (c == '\'' && quote == '\'') {
        out.append("&#39;");
      } else {
        out.append(c);
      }
    }
  }
}
