package de.rundbrief.infrastructure.cms;

import de.rundbrief.infrastructure.cms.CssRules.Declaration;
import de.rundbrief.infrastructure.cms.CssRules.Rule;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Turns a web page of the CMS into a mailing body. Mail clients largely ignore {@code <style>}
 * blocks and linked stylesheets, so the page's CSS is applied in cascade order and written into
 * each element's {@code style} attribute; relative links and images become absolute, and what a
 * mail must not carry (scripts, forms, frames) goes. The result still needs the mail sanitiser.
 */
public final class PageInliner {

  /**
   * Loads an external stylesheet (absolute http/https URI) or throws; the caller's loader enforces
   * limits and address checks.
   */
  @FunctionalInterface
  public interface StylesheetLoader {
    String load(URI stylesheet);
  }

  /** At most this many linked stylesheets are loaded per page. */
  public static final int MAX_STYLESHEETS = 10;

  private static final String UNWANTED =
      "script, noscript, style, link, meta, iframe, form, template";

  /** Properties of the page's root that the content inherits, kept on the wrapper. */
  private static final Set<String> INHERITED =
      Set.of(
          "color",
          "direction",
          "font",
          "font-family",
          "font-size",
          "font-style",
          "font-weight",
          "letter-spacing",
          "line-height",
          "text-align",
          "text-transform",
          "word-spacing");

  private PageInliner() {}

  /** The body of {@code html} with its CSS inlined and its addresses absolute, as HTML. */
  public static String toMailBody(String html, URI base, StylesheetLoader stylesheets) {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(base, "base");
    return toMailBody(Jsoup.parse(html, base.toString()), base, stylesheets);
  }

  /**
   * The same for a page parsed already; the document is changed on the way.
   *
   * @param base the address the page was read from
   */
  public static String toMailBody(Document document, URI base, StylesheetLoader stylesheets) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(stylesheets, "stylesheets");
    document.outputSettings().prettyPrint(false);
    URI pageBase = pageBase(document, base);

    Map<Element, Map<String, Declaration>> styles =
        cascade(document, collectRules(document, pageBase, stylesheets), pageBase);
    styles.forEach((element, declarations) -> writeStyle(element, declarations.values()));

    document.select(UNWANTED).remove();
    document.nodeStream(Comment.class).toList().forEach(Node::remove);
    absoluteAddresses(document);

    Element body = document.body();
    Map<String, Declaration> rootStyle = new LinkedHashMap<>();
    styles.getOrDefault(document.selectFirst("html"), Map.of()).values().stream()
        .filter(declaration -> INHERITED.contains(declaration.property()))
        .forEach(declaration -> rootStyle.put(declaration.property(), declaration));
    rootStyle.putAll(styles.getOrDefault(body, Map.of()));
    if (rootStyle.isEmpty()) {
      return body.html();
    }
    Element wrapper = new Element("div");
    writeStyle(wrapper, rootStyle.values());
    wrapper.appendChildren(List.copyOf(body.childNodes()));
    body.appendChild(wrapper);
    return body.html();
  }

  private static URI pageBase(Document document, URI fallback) {
    try {
      URI uri = URI.create(document.baseUri());
      return uri.isAbsolute() ? uri : fallback;
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static CssRules collectRules(
      Document document, URI pageBase, StylesheetLoader stylesheets) {
    CssRules rules = new CssRules();
    int loaded = 0;
    for (Element element : document.select("style, link[rel][href]")) {
      if (!forScreen(element.attr("media"))) {
        continue;
      }
      if (element.nameIs("style")) {
        rules.add(element.data(), pageBase);
      } else if (isStylesheet(element.attr("rel")) && loaded < MAX_STYLESHEETS) {
        URI sheet = httpUri(element.absUrl("href"));
        if (sheet != null) {
          loaded++;
          String css = load(stylesheets, sheet);
          if (css != null) {
            rules.add(css, sheet);
          }
        }
      }
    }
    return rules;
  }

  private static String load(StylesheetLoader stylesheets, URI sheet) {
    try {
      return stylesheets.load(sheet);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean forScreen(String media) {
    if (media.isBlank()) {
      return true;
    }
    return Arrays.stream(media.split(","))
        .map(query -> query.trim().toLowerCase(Locale.ROOT))
        .anyMatch(query -> query.equals("all") || query.equals("screen"));
  }

  private static boolean isStylesheet(String rel) {
    Set<String> tokens =
        Arrays.stream(rel.toLowerCase(Locale.ROOT).trim().split("\\s+"))
            .collect(Collectors.toSet());
    return tokens.contains("stylesheet") && !tokens.contains("alternate");
  }

  private static URI httpUri(String address) {
    try {
      URI uri = new URI(address);
      String scheme = uri.getScheme();
      return scheme != null
              && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
              && uri.getHost() != null
          ? uri
          : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * Each element's winning declarations. A declaration that wins is moved to the end, so that the
   * written order follows the cascade and a later shorthand still overrides an earlier longhand.
   */
  private static Map<Element, Map<String, Declaration>> cascade(
      Document document, CssRules rules, URI pageBase) {
    Map<Element, Map<String, Declaration>> styles = new IdentityHashMap<>();
    for (Rule rule : rules.inCascadeOrder()) {
      for (Element element : document.select(rule.evaluator())) {
        Map<String, Declaration> style =
            styles.computeIfAbsent(element, e -> new LinkedHashMap<>());
        rule.declarations().forEach(declaration -> apply(style, declaration));
      }
    }
    for (Element element : document.select("[style]")) {
      Map<String, Declaration> style = styles.computeIfAbsent(element, e -> new LinkedHashMap<>());
      CssRules.declarations(element.attr("style"), pageBase)
          .forEach(declaration -> apply(style, declaration));
    }
    return styles;
  }

  private static void apply(Map<String, Declaration> style, Declaration declaration) {
    Declaration current = style.get(declaration.property());
    if (current == null || declaration.important() || !current.important()) {
      style.remove(declaration.property());
      style.put(declaration.property(), declaration);
    }
  }

  private static void writeStyle(Element element, Collection<Declaration> declarations) {
    if (declarations.isEmpty()) {
      element.removeAttr("style");
      return;
    }
    element.attr(
        "style",
        declarations.stream()
            .map(declaration -> declaration.property() + ": " + declaration.value())
            .collect(Collectors.joining("; ")));
  }

  private static void absoluteAddresses(Document document) {
    for (Element link : document.select("a[href]")) {
      String href = link.attr("href").trim().toLowerCase(Locale.ROOT);
      if (!href.isEmpty()
          && !href.startsWith("#")
          && !href.startsWith("mailto:")
          && !href.startsWith("tel:")) {
        absolute(link, "href");
      }
    }
    for (Element image : document.select("img")) {
      image.removeAttr("srcset");
      if (image.hasAttr("src")) {
        absolute(image, "src");
      }
    }
    for (Element cell : document.select("td[background], table[background]")) {
      absolute(cell, "background");
    }
  }

  private static void absolute(Element element, String attribute) {
    String absolute = element.absUrl(attribute);
    if (!absolute.isEmpty()) {
      element.attr(attribute, absolute);
    }
  }
}
