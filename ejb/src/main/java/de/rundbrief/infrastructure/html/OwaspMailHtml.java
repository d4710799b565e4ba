package de.rundbrief.infrastructure.html;

import de.rundbrief.domain.mailing.MailHtml;
import de.rundbrief.domain.mailing.Personalisation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Mail HTML through OWASP's allow-list sanitiser: the elements and inline styles that mail clients
 * render (tables for layout, images, links), nothing that runs or submits. Placeholders are taken
 * out before and put back after, so that {@code href="https://example.com/?m={{ email }}"} keeps
 * its braces instead of having them escaped or the link dropped.
 */
@ApplicationScoped
public class OwaspMailHtml implements MailHtml {

  private static final String[] LAYOUT = {
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "colgroup",
    "col",
    "center",
    "font",
    "hr",
    "span",
    "div"
  };

  static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.IMAGES)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.STYLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements(LAYOUT)
                  .allowAttributes("align", "valign", "width", "height", "bgcolor", "border")
                  .onElements("table", "tr", "td", "th", "img", "div", "col", "center")
                  .allowAttributes("cellpadding", "cellspacing", "role")
                  .onElements("table")
                  .allowAttributes("colspan", "rowspan")
                  .onElements("td", "th")
                  .allowAttributes("color", "face", "size")
                  .onElements("font")
                  .allowAttributes("alt", "title")
                  .onElements("img", "a")
                  .allowAttributes("class", "dir", "lang")
                  .globally()
                  .allowUrlProtocols("https", "http", "mailto", "tel")
                  .requireRelsOnLinks("noopener")
                  .allowElements("a")
                  .allowAttributes("href", "target")
                  .onElements("a")
                  .allowAttributes("data-rb-notrack")
                  .onElements("a")
                  .toFactory());

  private static final String MARK = "rbph";

  /** How OWASP's renderer writes "{{" so that no client-side template engine sees it. */
  private static final String BROKEN_BRACES = "{<!-- -->{";

  private static final Set<String> BLOCK =
      Set.of(
          "p",
          "div",
          "table",
          "tr",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "blockquote",
          "pre",
          "hr",
          "center");

  @Override
  public String sanitise(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    List<String> placeholders = new ArrayList<>();
    StringBuilder masked = new StringBuilder();
    // braces that an earlier pass of this sanitiser broke up against template injection
    Matcher matcher = Personalisation.PLACEHOLDER.matcher(html.replace(BROKEN_BRACES, "{{"));
    while (matcher.find()) {
      placeholders.add(matcher.group());
      matcher.appendReplacement(masked, MARK + (placeholders.size() - 1) + "x");
    }
    matcher.appendTail(masked);
    String clean = POLICY.sanitize(masked.toString());
    for (int i = placeholders.size() - 1; i >= 0; i--) {
      clean = clean.replace(MARK + i + "x", placeholders.get(i));
    }
    return clean;
  }

  @Override
  public String plainText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    TextReceiver text = new TextReceiver();
    HtmlSanitizer.sanitize(html, POLICY.apply(text));
    return text.result();
  }

  /** Collects text, turning blocks into paragraphs and links into "text (URL)". */
  private static final class TextReceiver implements HtmlStreamEventReceiver {

    private final StringBuilder out = new StringBuilder();
    private final List<String> openLinks = new ArrayList<>();
    private final List<Integer> linkStarts = new ArrayList<>();

    @Override
    public void openDocument() {}

    @Override
    public void closeDocument() {}

    @Override
    public void openTag(String element, List<String> attributes) {
      switch (element) {
        case "br" -> out.append('\n');
        case "li" -> {
          newLine();
          out.append("- ");
        }
        case "td", "th" -> out.append(out.isEmpty() || endsWithSpace() ? "" : " ");
        case "a" -> {
          openLinks.add(attribute(attributes, "href"));
          linkStarts.add(out.length());
        }
        default -> {
          if (BLOCK.contains(element)) {
            paragraph();
          }
        }
      }
    }

    @Override
    public void closeTag(String element) {
      if ("a".equals(element) && !openLinks.isEmpty()) {
        String href = openLinks.remove(openLinks.size() - 1);
        int start = linkStarts.remove(linkStarts.size() - 1);
        String label = out.substring(start).strip();
        if (href != null && !href.isBlank() && !label.equals(href)) {
          out.append(" (").append(href).append(')');
        }
      } else if ("li".equals(element)) {
        newLine();
      } else if (BLOCK.contains(element)) {
        paragraph();
      }
    }

    @Override
    public void text(String text) {
      String collapsed = text.replaceAll("\\s+", " ");
      if (collapsed.startsWith(" ") && (out.isEmpty() || endsWithSpace())) {
        collapsed = collapsed.substring(1);
      }
      out.append(collapsed);
    }

    private boolean endsWithSpace() {
      return Character.isWhitespace(out.charAt(out.length() - 1));
    }

    private void newLine() {
      if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }

    private void paragraph() {
      if (out.isEmpty()) {
        return;
      }
      newLine();
      if (out.length() < 2 || out.charAt(out.length() - 2) != '\n') {
        out.append('\n');
      }
    }

    private static String attribute(List<String> attributes, String name) {
      for (int i = 0; i + 1 < attributes.size(); i += 2) {
        if (attributes.get(i).equals(name)) {
          return attributes.get(i + 1);
        }
      }
      return null;
    }

    String result() {
      return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
  }
}
