package de.rundbrief.infrastructure.cms;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The style rules of one page's stylesheets, just enough CSS for inlining: rules with their
 * selectors, specificity and source order. At-rules (media queries, font faces, imports and the
 * like) are skipped, as are selectors that depend on interaction or generated content, since a mail
 * has neither; {@code url(...)} values are made absolute against the sheet they come from.
 */
final class CssRules {

  /** One {@code property: value} pair; the value without its {@code !important}. */
  record Declaration(String property, String value, boolean important) {}

  /** CSS specificity: ids, then classes, attributes and pseudo-classes, then elements. */
  record Specificity(int ids, int classes, int elements) implements Comparable<Specificity> {

    static final Specificity NONE = new Specificity(0, 0, 0);

    Specificity plus(Specificity other) {
      return new Specificity(ids + other.ids, classes + other.classes, elements + other.elements);
    }

    @Override
    public int compareTo(Specificity other) {
      return ORDER.compare(this, other);
    }

    private static final Comparator<Specificity> ORDER =
        Comparator.comparingInt(Specificity::ids)
            .thenComparingInt(Specificity::classes)
            .thenComparingInt(Specificity::elements);
  }

  /** One selector of a rule, compiled for jsoup, with the rule's declarations. */
  record Rule(
      String selector,
      Evaluator evaluator,
      Specificity specificity,
      int order,
      List<Declaration> declarations) {}

  /** Pseudo-classes that depend only on the document's structure, so they hold in a mail too. */
  private static final Set<String> STATIC_PSEUDO_CLASSES =
      Set.of(
          "root",
          "empty",
          "first-child",
          "last-child",
          "only-child",
          "first-of-type",
          "last-of-type",
          "only-of-type",
          "nth-child",
          "nth-last-child",
          "nth-of-type",
          "nth-last-of-type",
          "not",
          "is",
          "where",
          "has");

  private static final Set<String> LEGACY_PSEUDO_ELEMENTS =
      Set.of("before", "after", "first-line", "first-letter");

  private static final Pattern STRINGS =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern ESCAPES = Pattern.compile("\\\\.");
  private static final Pattern PSEUDO = Pattern.compile("(::?)([A-Za-z-]*)");
  private static final Pattern PROPERTY = Pattern.compile("-?[a-z_][a-z0-9_-]*");
  private static final Pattern IMPORTANT =
      Pattern.compile("!\\s*important\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern URL =
      Pattern.compile(
          "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)'\"\\s]*))\\s*\\)", Pattern.CASE_INSENSITIVE);

  private final List<Rule> rules = new ArrayList<>();
  private int order;

  /** Adds the style rules of one stylesheet, after those added before it. */
  void add(String css, URI base) {
    String text = stripComments(css);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == ';' || c == '}') {
        i++;
      } else if (c == '@') {
        i = skipAtRule(text, i);
      } else {
        int open = indexOutsideStrings(text, i, '{');
        if (open >= n) {
          return;
        }
        int close = closingBrace(text, open);
        addRule(text.substring(i, open), text.substring(open + 1, Math.min(close, n)), base);
        i = close + 1;
      }
    }
  }

  /** The rules from lowest to highest precedence: by specificity, then by source order. */
  List<Rule> inCascadeOrder() {
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(Rule::specificity).thenComparingInt(Rule::order));
    return sorted;
  }

  /** The declarations of a rule block or a {@code style} attribute, in their order. */
  static List<Declaration> declarations(String block, URI base) {
    List<Declaration> declarations = new ArrayList<>();
    for (String part : splitTopLevel(stripComments(block), ';')) {
      int colon = part.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String property = part.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = part.substring(colon + 1).trim();
      boolean important = false;
      Matcher marker = IMPORTANT.matcher(value);
      if (marker.find()) {
        important = true;
        value = value.substring(0, marker.start()).trim();
      }
      if (!PROPERTY.matcher(property).matches()
          || value.isEmpty()
          || hasBraceOutsideStrings(value)) {
        continue;
      }
      value = absoluteUrls(WHITESPACE.matcher(value).replaceAll(" "), base);
      declarations.add(new Declaration(property, value, important));
    }
    return declarations;
  }

  /**
   * Whether a selector can hold in a static document: no pseudo-elements and only structural
   * pseudo-classes, not {@code :hover}, {@code :focus}, {@code :visited} and the like.
   */
  static boolean isStatic(String selector) {
    Matcher pseudo = PSEUDO.matcher(plain(selector));
    while (pseudo.find()) {
      if (pseudo.group(1).length() == 2
          || !STATIC_PSEUDO_CLASSES.contains(pseudo.group(2).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  static Specificity specificity(String selector) {
    return specificityOfPlain(plain(selector));
  }

  /** {@code ref} resolved against {@code base}; data URIs, fragments and unusable refs as given. */
  static String resolve(URI base, String ref) {
    String trimmed = ref.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (trimmed.isEmpty() || trimmed.startsWith("#") || lower.startsWith("data:")) {
      return ref;
    }
    try {
      URI target = new URI(trimmed);
      if (target.isAbsolute() || base == null) {
        return trimmed;
      }
      String path = base.getRawPath();
      URI from = path == null || path.isEmpty() ? base.resolve("/") : base;
      return from.resolve(target).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return ref;
    }
  }

  static String stripComments(String css) {
    StringBuilder out = new StringBuilder(css.length());
    int n = css.length();
    int i = 0;
    char quote = 0;
    while (i < n) {
      char c = css.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == '\\' && i + 1 < n) {
          out.append(css.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
        i++;
      } else if (c == '"' || c == '\'') {
        quote = c;
        out.append(c);
        i++;
      } else if (css.startsWith("/*", i)) {
        int end = css.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (css.startsWith("<!--", i)) {
        i += 4;
      } else if (css.startsWith("-->", i)) {
        i += 3;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private void addRule(String prelude, String block, URI base) {
    List<Declaration> declarations = declarations(block, base);
    if (declarations.isEmpty()) {
      return;
    }
    for (String part : splitTopLevel(prelude, ',')) {
      String selector = part.trim();
      if (selector.isEmpty() || !isStatic(selector)) {
        continue;
      }
      Evaluator evaluator;
      try {
        evaluator = Selector.evaluatorOf(selector);
      } catch (Selector.SelectorParseException | IllegalArgumentException e) {
        continue;
      }
      rules.add(
          new Rule(selector, evaluator, specificity(selector), order++, List.copyOf(declarations)));
    }
  }

  /** A brace in a value means a nested rule or garbage, not a value. */
  private static boolean hasBraceOutsideStrings(String value) {
    String unquoted = STRINGS.matcher(value).replaceAll("");
    return unquoted.indexOf('{') >= 0 || unquoted.indexOf('}') >= 0;
  }

  /** The selector with quoted strings emptied and escaped characters neutralised. */
  private static String plain(String selector) {
    String withoutStrings = STRINGS.matcher(selector).replaceAll("\"\"");
    return ESCAPES.matcher(withoutStrings).replaceAll("_");
  }

  private static Specificity specificityOfPlain(String s) {
    int ids = 0;
    int classes = 0;
    int elements = 0;
    Specificity nested = Specificity.NONE;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '#') {
        ids++;
        i = identEnd(s, i + 1);
      } else if (c == '.') {
        classes++;
        i = identEnd(s, i + 1);
      } else if (c == '[') {
        classes++;
        int end = s.indexOf(']', i);
        i = end < 0 ? n : end + 1;
      } else if (c == ':') {
        boolean pseudoElement = i + 1 < n && s.charAt(i + 1) == ':';
        int start = pseudoElement ? i + 2 : i + 1;
        int end = identEnd(s, start);
        String name = s.substring(start, end).toLowerCase(Locale.ROOT);
        i = end;
        String arguments = null;
        if (end < n && s.charAt(end) == '(') {
          int close = closingParenthesis(s, end);
          arguments = s.substring(end + 1, Math.min(close, n));
          i = close + 1;
        }
        if (pseudoElement || LEGACY_PSEUDO_ELEMENTS.contains(name)) {
          elements++;
        } else if (arguments != null && Set.of("not", "is", "has").contains(name)) {
          nested = nested.plus(highest(arguments));
        } else if (!name.equals("where")) {
          classes++;
        }
      } else if (isIdentStart(c)) {
        elements++;
        i = identEnd(s, i);
      } else {
        i++;
      }
    }
    return new Specificity(ids, classes, elements).plus(nested);
  }

  private static Specificity highest(String selectorList) {
    Specificity highest = Specificity.NONE;
    for (String selector : splitTopLevel(selectorList, ',')) {
      Specificity specificity = specificityOfPlain(selector);
      if (specificity.compareTo(highest) > 0) {
        highest = specificity;
      }
    }
    return highest;
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '-' || c > 0x7f;
  }

  private static int identEnd(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c > 0x7f) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static int skipAtRule(String text, int from) {
    int n = text.length();
    int depth = 0;
    char quote = 0;
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && c == ';') {
        return i + 1;
      } else if (depth == 0 && c == '{') {
        return closingBrace(text, i) + 1;
      }
    }
    return n;
  }

  private static int indexOutsideStrings(String text, int from, char wanted) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == wanted) {
        return i;
      }
    }
    return text.length();
  }

  /** The index of the brace closing the one at {@code open}, or the text's length. */
  private static int closingBrace(String text, int open) {
    return closing(text, open, '{', '}');
  }

  private static int closingParenthesis(String text, int open) {
    return closing(text, open, '(', ')');
  }

  private static int closing(String text, int open, char opening, char closing) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == opening) {
        depth++;
      } else if (c == closing && --depth == 0) {
        return i;
      }
    }
    return text.length();
  }

  /** Splits at {@code separator} outside strings, parentheses and brackets. */
  private static List<String> splitTopLevel(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (c == separator && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static String absoluteUrls(String value, URI base) {
    Matcher url = URL.matcher(value);
    if (!url.find()) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    do {
      String quote = url.group(1) != null ? "\"" : url.group(2) != null ? "'" : "";
      String ref =
          url.group(1) != null ? url.group(1) : url.group(2) != null ? url.group(2) : url.group(3);
      String replacement = "url(" + quote + resolve(base, ref) + quote + ")";
      url.appendReplacement(out, Matcher.quoteReplacement(replacement));
    } while (url.find());
    url.appendTail(out);
    return out.toString();
  }
}
