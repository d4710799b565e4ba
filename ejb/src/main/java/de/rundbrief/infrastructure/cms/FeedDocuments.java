package de.rundbrief.infrastructure.cms;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsFetchException.Reason;
import de.rundbrief.domain.cms.CmsItem;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an RSS 2.0 or Atom feed into {@link CmsItem}s, so editors can pick articles from any CMS
 * that publishes a feed.
 *
 * <p>The document comes from outside, so the XML parser reads no DTD and resolves no entities (a
 * document that tries XXE fails as malformed), and only http and https links and images are kept,
 * made absolute against the feed's address. The plain-text helpers are shared with {@link
 * WordPressPosts}.
 */
public final class FeedDocuments {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String MEDIA = "http://search.yahoo.com/mrss/";
  private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  private static final XMLInputFactory XML = hardenedFactory();

  private static final Pattern DAY_OF_WEEK = Pattern.compile("^[A-Za-z]+(,\\s*|\\s+)(?=\\d)");
  private static final Pattern TWO_DIGIT_YEAR =
      Pattern.compile("^(\\d{1,2} [A-Za-z]{3}) (\\d{2})(?= )");
  private static final Pattern ZONE_NAME = Pattern.compile(" ([A-Za-z]{1,4})$");
  private static final Map<String, String> ZONES =
      Map.ofEntries(
          Map.entry("GMT", "GMT"),
          Map.entry("UT", "GMT"),
          Map.entry("UTC", "GMT"),
          Map.entry("Z", "GMT"),
          Map.entry("EST", "-0500"),
          Map.entry("EDT", "-0400"),
          Map.entry("CST", "-0600"),
          Map.entry("CDT", "-0500"),
          Map.entry("MST", "-0700"),
          Map.entry("MDT", "-0600"),
          Map.entry("PST", "-0800"),
          Map.entry("PDT", "-0700"),
          Map.entry("CET", "+0100"),
          Map.entry("CEST", "+0200"),
          Map.entry("MEZ", "+0100"),
          Map.entry("MESZ", "+0200"));

  private static final Set<String> VOID_ELEMENTS =
      Set.of(
          "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
          "track", "wbr");

  private FeedDocuments() {}

  /**
   * The feed's items, at most {@code max}, in document order. An item with neither guid nor link
   * (Atom: id nor link) cannot be fetched again and is left out.
   *
   * @param body the document as fetched; its encoding comes from the XML declaration
   * @param base the address the feed was fetched from, for relative links and images
   * @throws CmsFetchException with {@link Reason#MALFORMED} when the body is empty, not well-formed
   *     XML, or not an RSS 2.0 or Atom feed
   */
  public static List<CmsItem> read(byte[] body, URI base, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative: " + max);
    }
    String kind = sniff(body);
    if (kind != null) {
      throw malformed("Not an RSS or Atom feed: the document is " + kind);
    }
    Node root = parse(body, base);
    List<CmsItem> items = new ArrayList<>();
    if (ATOM.equals(root.ns)) {
      for (Node entry : root.children(ATOM, "entry")) {
        if (items.size() >= max) {
          break;
        }
        addIfIdentified(items, atomEntry(entry));
      }
    } else {
      Node channel = root.child(root.ns, "channel");
      if (channel == null) {
        throw malformed("Not an RSS feed: the rss element has no channel");
      }
      for (Node item : channel.children(root.ns, "item")) {
        if (items.size() >= max) {
          break;
        }
        addIfIdentified(items, rssItem(item, root.ns));
      }
    }
    return List.copyOf(items);
  }

  private static void addIfIdentified(List<CmsItem> items, CmsItem item) {
    if (item != null) {
      items.add(item);
    }
  }

  private static CmsItem rssItem(Node item, String ns) {
    String guid = item.childText(ns, "guid");
    String rawLink = item.childText(ns, "link");
    URI link = httpUri(item.base, rawLink);
    Node guidNode = item.child(ns, "guid");
    if (link == null
        && guid != null
        && !"false".equalsIgnoreCase(guidNode.attribute("isPermaLink"))) {
      link = httpUri(null, guid);
    }
    String id = guid != null ? guid : link != null ? link.toString() : rawLink;
    if (id == null) {
      return null;
    }
    Instant published = rfc822(item.childText(ns, "pubDate"));
    if (published == null) {
      published = iso8601(item.childText(DUBLIN_CORE, "date"));
    }
    String description = item.childMarkup(ns, "description");
    String encoded = item.childMarkup(CONTENT, "encoded");
    String html = encoded != null ? encoded : description;
    URI image = null;
    for (Node enclosure : item.children(ns, "enclosure")) {
      if (isImageType(enclosure.attribute("type"))) {
        image = httpUri(enclosure.base, enclosure.attribute("url"));
        if (image != null) {
          break;
        }
      }
    }
    if (image == null) {
      image = mediaImage(item);
    }
    if (image == null) {
      image = firstImage(html, item.base);
    }
    return new CmsItem(
        id,
        plainText(item.childText(ns, "title")),
        link,
        published,
        teaser(description != null ? description : encoded),
        image,
        html);
  }

  private static CmsItem atomEntry(Node entry) {
    URI link = null;
    for (Node candidate : entry.children(ATOM, "link")) {
      String rel = candidate.attribute("rel");
      if (rel == null || rel.isBlank() || "alternate".equals(rel.strip())) {
        link = httpUri(candidate.base, candidate.attribute("href"));
        if (link != null) {
          break;
        }
      }
    }
    String id = entry.childText(ATOM, "id");
    if (id == null && link != null) {
      id = link.toString();
    }
    if (id == null) {
      return null;
    }
    Instant published = iso8601(entry.childText(ATOM, "published"));
    if (published == null) {
      published = iso8601(entry.childText(ATOM, "updated"));
    }
    Node contentNode = entry.child(ATOM, "content");
    Node summaryNode = entry.child(ATOM, "summary");
    String content = atomHtml(contentNode);
    String summary = atomHtml(summaryNode);
    String html = content != null ? content : summary;
    URI image = null;
    for (Node candidate : entry.children(ATOM, "link")) {
      if ("enclosure".equals(candidate.attribute("rel"))
          && isImageType(candidate.attribute("type"))) {
        image = httpUri(candidate.base, candidate.attribute("href"));
        if (image != null) {
          break;
        }
      }
    }
    if (image == null) {
      image = mediaImage(entry);
    }
    if (image == null) {
      image = firstImage(html, content != null ? contentNode.base : entry.base);
    }
    String title = atomHtml(entry.child(ATOM, "title"));
    return new CmsItem(
        id,
        plainText(title),
        link,
        published,
        teaser(summary != null ? summary : content),
        image,
        html);
  }

  /** An Atom text construct as HTML; {@code null} when absent, out of line or not text. */
  private static String atomHtml(Node node) {
    if (node == null || node.attribute("src") != null) {
      return null;
    }
    String type = node.attribute("type");
    type = type == null ? "text" : type.strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "text", "text/plain" -> escape(node.text());
      case "html", "text/html" -> node.text();
      case "xhtml", "application/xhtml+xml" -> {
        Node div = node.child(XHTML, "div");
        yield (div != null ? div : node).innerMarkup();
      }
      default -> null;
    };
  }

  private static URI mediaImage(Node item) {
    List<Node> media = new ArrayList<>(item.children(MEDIA, "content"));
    for (Node group : item.children(MEDIA, "group")) {
      media.addAll(group.children(MEDIA, "content"));
    }
    for (Node content : media) {
      if (isImageType(content.attribute("type")) || "image".equals(content.attribute("medium"))) {
        URI url = httpUri(content.base, content.attribute("url"));
        if (url != null) {
          return url;
        }
      }
    }
    List<Node> thumbnails = new ArrayList<>(item.children(MEDIA, "thumbnail"));
    for (Node group : item.children(MEDIA, "group")) {
      thumbnails.addAll(group.children(MEDIA, "thumbnail"));
    }
    for (Node thumbnail : thumbnails) {
      URI url = httpUri(thumbnail.base, thumbnail.attribute("url"));
      if (url != null) {
        return url;
      }
    }
    return null;
  }

  private static boolean isImageType(String type) {
    return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("image/");
  }

  /** The first http or https {@code <img src>} in the HTML, made absolute, or {@code null}. */
  static URI firstImage(String html, URI base) {
    if (html == null || html.isBlank()) {
      return null;
    }
    for (Element img : Jsoup.parse(html).select("img[src]")) {
      URI src = httpUri(base, img.attr("src"));
      if (src != null) {
        return src;
      }
    }
    return null;
  }

  /** The HTML's text without tags, entities decoded, whitespace collapsed. */
  static String plainText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return collapse(Jsoup.parse(html).text());
  }

  /**
   * The HTML's text cut to {@link CmsItem#TEASER_LENGTH} characters at a word boundary, with an
   * ellipsis when cut. WordPress' "read more" links and "[…]" markers are dropped.
   */
  static String teaser(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document document = Jsoup.parse(html);
    document.select("a.more-link, .screen-reader-text").remove();
    String text = collapse(document.text());
    text = text.replaceFirst("\\[(…|\\.\\.\\.)]$", "…");
    if (text.length() <= CmsItem.TEASER_LENGTH) {
      return text;
    }
    int room = CmsItem.TEASER_LENGTH - 1;
    int space = text.lastIndexOf(' ', room);
    int end = space > 0 ? space : room;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).replaceFirst("[\\s,;:\\-–—]+$", "") + "…";
  }

  private static String collapse(String text) {
    return text.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
  }

  /**
   * The reference made absolute against {@code base}, if it is an http or https URL with a host;
   * {@code null} otherwise (javascript:, data:, mailto:, unparseable, or relative without base).
   */
  static URI httpUri(URI base, String reference) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(encodeIllegal(reference.strip()));
      if (!uri.isAbsolute()) {
        if (base == null || !base.isAbsolute() || base.isOpaque()) {
          return null;
        }
        uri = base.resolve(uri);
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
    String scheme = uri.getScheme();
    boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    return http && uri.getHost() != null ? uri : null;
  }

  /** Percent-encodes what a browser would: spaces, non-ASCII, stray percent signs. */
  private static String encodeIllegal(String reference) {
    StringBuilder out = new StringBuilder(reference.length());
    byte[] bytes = reference.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean escapeStart =
          b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
      if (b > 0x20 && b < 0x7f && "\"<>\\^`{|}".indexOf(b) < 0 && (b != '%' || escapeStart)) {
        out.append((char) b);
      } else {
        out.append('%').append(String.format("%02X", b));
      }
    }
    return out.toString();
  }

  private static boolean isHex(byte b) {
    return Character.digit(b, 16) >= 0;
  }

  /** RFC 822 / RFC 1123 dates as feeds write them, leniently; {@code null} when unreadable. */
  static Instant rfc822(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String date = text.strip().replaceAll("\\s+", " ");
    date = DAY_OF_WEEK.matcher(date).replaceFirst("");
    Matcher year = TWO_DIGIT_YEAR.matcher(date);
    if (year.find()) {
      int yy = Integer.parseInt(year.group(2));
      date = year.replaceFirst("$1 " + (yy < 50 ? 2000 + yy : 1900 + yy));
    }
    Matcher zone = ZONE_NAME.matcher(date);
    if (zone.find()) {
      String offset = ZONES.get(zone.group(1).toUpperCase(Locale.ROOT));
      if (offset == null) {
        return null;
      }
      date = date.substring(0, zone.start()) + " " + offset;
    }
    try {
      return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return iso8601(text);
    }
  }

  /** ISO 8601 with an offset, as Atom requires; {@code null} when unreadable. */
  static Instant iso8601(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * What the body evidently is when it cannot be a feed ("empty", "JSON", "an HTML page"), or
   * {@code null} when it may be XML.
   */
  static String sniff(byte[] body) {
    if (body == null) {
      return "empty";
    }
    int start = 0;
    if (body.length >= 3
        && (body[0] & 0xff) == 0xEF
        && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF) {
      start = 3;
    }
    while (start < body.length && Character.isWhitespace(body[start])) {
      start++;
    }
    if (start == body.length) {
      return "empty";
    }
    if (body[start] == '{' || body[start] == '[') {
      return "JSON";
    }
    String head =
        new String(body, start, Math.min(64, body.length - start), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
      return "an HTML page";
    }
    return null;
  }

  private static Node parse(byte[] body, URI base) {
    XMLStreamReader reader = null;
    try {
      reader = XML.createXMLStreamReader(new ByteArrayInputStream(body));
      Deque<Node> open = new ArrayDeque<>();
      Node root = null;
      while (reader.hasNext()) {
        switch (reader.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            Node parent = open.peek();
            Node node = Node.start(reader, parent == null ? base : parent.base);
            if (parent == null) {
              checkRoot(node);
              root = node;
            } else {
              parent.content.add(node);
            }
            open.push(node);
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            if (!open.isEmpty()) {
              open.peek().append(reader.getText());
            }
          }
          default -> {}
        }
      }
      if (root == null) {
        throw malformed("Not an RSS or Atom feed: the document has no root element");
      }
      return root;
    } catch (XMLStreamException e) {
      throw malformed(describe(e), e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing held open: the input is a byte array
        }
      }
    }
  }

  private static void checkRoot(Node root) {
    boolean rss = "rss".equals(root.name);
    boolean atom = "feed".equals(root.name) && ATOM.equals(root.ns);
    if (!rss && !atom) {
      String name = root.ns.isEmpty() ? root.name : root.name + " in namespace " + root.ns;
      throw malformed("Not an RSS or Atom feed: root element " + name);
    }
  }

  private static String describe(XMLStreamException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int detail = message.indexOf("Message: ");
    if (detail >= 0) {
      message = message.substring(detail + "Message: ".length());
    }
    message = message.strip();
    Location location = e.getLocation();
    if (location != null && location.getLineNumber() > 0) {
      return "Malformed XML at line "
          + location.getLineNumber()
          + ", column "
          + location.getColumnNumber()
          + ": "
          + message;
    }
    return "Malformed XML: " + message;
  }

  private static CmsFetchException malformed(String message) {
    return new CmsFetchException(Reason.MALFORMED, message);
  }

  private static CmsFetchException malformed(String message, Throwable cause) {
    return new CmsFetchException(Reason.MALFORMED, message, cause);
  }

  /**
   * The JDK's own StAX implementation (whatever else the server puts on the class path), with no
   * DTD, no external entities and no external DTD access: XXE and entity expansion fail as
   * undeclared entities.
   */
  private static XMLInputFactory hardenedFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("External entities are not read: " + systemId);
        });
    return factory;
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** An element of the parsed document: its text and child elements in order, and its base. */
  private static final class Node {
    final String ns;
    final String name;
    final Map<String, String> attributes;
    final URI base;
    final List<Object> content = new ArrayList<>();

    private Node(String ns, String name, Map<String, String> attributes, URI base) {
      this.ns = ns;
      this.name = name;
      this.attributes = attributes;
      this.base = base;
    }

    static Node start(XMLStreamReader reader, URI parentBase) {
      Map<String, String> attributes = new LinkedHashMap<>();
      URI base = parentBase;
      for (int i = 0; i < reader.getAttributeCount(); i++) {
        String ns = reader.getAttributeNamespace(i);
        String name = reader.getAttributeLocalName(i);
        String value = reader.getAttributeValue(i);
        if (ns == null || ns.isEmpty()) {
          attributes.put(name, value);
        } else if (XMLConstants.XML_NS_URI.equals(ns) && "base".equals(name)) {
          URI xmlBase = httpUri(parentBase, value);
          if (xmlBase != null) {
            base = xmlBase;
          }
        }
      }
      String ns = reader.getNamespaceURI();
      return new Node(ns == null ? "" : ns, reader.getLocalName(), attributes, base);
    }

    void append(String text) {
      int last = content.size() - 1;
      if (last >= 0 && content.get(last) instanceof String previous) {
        content.set(last, previous + text);
      } else {
        content.add(text);
      }
    }

    String attribute(String name) {
      return attributes.get(name);
    }

    List<Node> children(String ns, String name) {
      List<Node> children = new ArrayList<>();
      for (Object part : content) {
        if (part instanceof Node node && node.name.equals(name) && node.ns.equals(ns)) {
          children.add(node);
        }
      }
      return children;
    }

    Node child(String ns, String name) {
      for (Object part : content) {
        if (part instanceof Node node && node.name.equals(name) && node.ns.equals(ns)) {
          return node;
        }
      }
      return null;
    }

    /** The child's text, stripped; {@code null} when there is no such child or it is blank. */
    String childText(String ns, String name) {
      Node child = child(ns, name);
      return child == null ? null : blankToNull(child.text());
    }

    /** The child's text, or its markup when it holds elements instead of escaped HTML. */
    String childMarkup(String ns, String name) {
      Node child = child(ns, name);
      if (child == null) {
        return null;
      }
      boolean elements = child.content.stream().anyMatch(Node.class::isInstance);
      return blankToNull(elements ? child.innerMarkup() : child.text());
    }

    String text() {
      StringBuilder out = new StringBuilder();
      appendText(out);
      return out.toString();
    }

    private void appendText(StringBuilder out) {
      for (Object part : content) {
        if (part instanceof Node node) {
          node.appendText(out);
        } else {
          out.append(part);
        }
      }
    }

    /** The content serialised as HTML: element names without prefixes, escaped text. */
    String innerMarkup() {
      StringBuilder out = new StringBuilder();
      appendInner(out);
      return out.toString().strip();
    }

    private void appendInner(StringBuilder out) {
      for (Object part : content) {
        if (part instanceof Node node) {
          out.append('<').append(node.name);
          node.attributes.forEach(
              (key, value) ->
                  out.append(' ').append(key).append("=\"").append(escape(value)).append('"'));
          out.append('>');
          if (!VOID_ELEMENTS.contains(node.name)) {
            node.appendInner(out);
            out.append("</").append(node.name).append('>');
          }
        } else {
          out.append(escape((String) part));
        }
      }
    }

    private static String blankToNull(String text) {
      return text == null || text.isBlank() ? null : text.strip();
    }
  }
}
