package de.rundbrief.infrastructure.cms;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsFetchException.Reason;
import de.rundbrief.domain.cms.CmsItem;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the answer of the WordPress REST API's {@code /wp-json/wp/v2/posts?_embed} into {@link
 * CmsItem}s: richer than the site's RSS feed (featured images, exact UTC dates) and available on
 * every WordPress since 4.7.
 *
 * <p>Titles and excerpts come rendered as HTML with entities and are turned into plain text; the
 * featured image is taken in a size made for content width when WordPress made one, since the
 * original upload can be several megabytes.
 */
public final class WordPressPosts {

  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  private static final List<String> IMAGE_SIZES = List.of("large", "medium_large");

  private WordPressPosts() {}

  /**
   * The posts of the answer, at most {@code max}, in the order WordPress sent them (newest first
   * unless the request asked otherwise). A post with neither id nor link is left out.
   *
   * @param body the answer as fetched, UTF-8 JSON
   * @param base the address it was fetched from, for relative links and images
   * @throws CmsFetchException with {@link Reason#MALFORMED} when the body is empty, not JSON, a
   *     WordPress error object, or anything else than an array of posts
   */
  public static List<CmsItem> read(byte[] body, URI base, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative: " + max);
    }
    String kind = FeedDocuments.sniff(body);
    if ("empty".equals(kind) || "an HTML page".equals(kind)) {
      throw malformed("Not a WordPress posts list: the answer is " + kind);
    }
    JsonValue value = parse(body);
    if (value instanceof JsonObject object) {
      String code = string(object, "code");
      if (code != null) {
        throw malformed(
            "WordPress answered with an error: "
                + code
                + ": "
                + FeedDocuments.plainText(string(object, "message")));
      }
      throw malformed("Not a WordPress posts list: the answer is a JSON object, not an array");
    }
    if (!(value instanceof JsonArray posts)) {
      throw malformed(
          "Not a WordPress posts list: the answer is a JSON "
              + value.getValueType().name().toLowerCase(Locale.ROOT)
              + ", not an array");
    }
    List<CmsItem> items = new ArrayList<>();
    for (JsonValue post : posts) {
      if (items.size() >= max) {
        break;
      }
      if (post instanceof JsonObject object) {
        CmsItem item = post(object, base);
        if (item != null) {
          items.add(item);
        }
      }
    }
    return List.copyOf(items);
  }

  private static JsonValue parse(byte[] body) {
    int start = hasByteOrderMark(body) ? 3 : 0;
    try (JsonReader reader =
        JSON.createReader(
            new InputStreamReader(
                new ByteArrayInputStream(body, start, body.length - start),
                StandardCharsets.UTF_8))) {
      return reader.readValue();
    } catch (JsonException e) {
      throw new CmsFetchException(Reason.MALFORMED, "Malformed JSON: " + e.getMessage(), e);
    }
  }

  private static boolean hasByteOrderMark(byte[] body) {
    return body.length >= 3
        && (body[0] & 0xff) == 0xEF
        && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF;
  }

  private static CmsItem post(JsonObject post, URI base) {
    URI link = FeedDocuments.httpUri(base, string(post, "link"));
    String id = id(post.get("id"));
    if (id == null && link != null) {
      id = link.toString();
    }
    if (id == null) {
      return null;
    }
    String content = rendered(post, "content");
    String excerpt = rendered(post, "excerpt");
    String html = content != null ? content : excerpt;
    URI image = featuredImage(post, base);
    if (image == null) {
      image = FeedDocuments.firstImage(html, base);
    }
    return new CmsItem(
        id,
        FeedDocuments.plainText(rendered(post, "title")),
        link,
        utc(string(post, "date_gmt")),
        FeedDocuments.teaser(excerpt != null ? excerpt : content),
        image,
        html);
  }

  private static String id(JsonValue id) {
    if (id instanceof JsonNumber number) {
      return number.isIntegral() ? number.bigIntegerValue().toString() : number.toString();
    }
    if (id instanceof JsonString string && !string.getString().isBlank()) {
      return string.getString().strip();
    }
    return null;
  }

  /** {@code post[field].rendered}, or {@code null} when missing or blank. */
  private static String rendered(JsonObject post, String field) {
    if (post.get(field) instanceof JsonObject object) {
      String rendered = string(object, "rendered");
      return rendered == null || rendered.isBlank() ? null : rendered.strip();
    }
    return null;
  }

  private static URI featuredImage(JsonObject post, URI base) {
    if (!(post.get("_embedded") instanceof JsonObject embedded)
        || !(embedded.get("wp:featuredmedia") instanceof JsonArray media)
        || media.isEmpty()
        || !(media.get(0) instanceof JsonObject attachment)
        || attachment.containsKey("code")) {
      return null;
    }
    String type = string(attachment, "media_type");
    if (type != null && !"image".equals(type)) {
      return null;
    }
    JsonObject sizes = null;
    if (attachment.get("media_details") instanceof JsonObject details
        && details.get("sizes") instanceof JsonObject found) {
      sizes = found;
    }
    List<String> candidates = new ArrayList<>();
    for (String size : IMAGE_SIZES) {
      candidates.add(sizeUrl(sizes, size));
    }
    candidates.add(string(attachment, "source_url"));
    candidates.add(sizeUrl(sizes, "medium"));
    for (String candidate : candidates) {
      URI url = FeedDocuments.httpUri(base, candidate);
      if (url != null) {
        return url;
      }
    }
    return null;
  }

  private static String sizeUrl(JsonObject sizes, String size) {
    return sizes != null && sizes.get(size) instanceof JsonObject rendition
        ? string(rendition, "source_url")
        : null;
  }

  /** WordPress' {@code date_gmt} has no offset and is UTC; an offset is honoured if present. */
  private static Instant utc(String dateGmt) {
    if (dateGmt == null || dateGmt.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(dateGmt.strip()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return FeedDocuments.iso8601(dateGmt);
    }
  }

  private static String string(JsonObject object, String key) {
    return object.get(key) instanceof JsonString string ? string.getString() : null;
  }

  private static CmsFetchException malformed(String message) {
    return new CmsFetchException(Reason.MALFORMED, message);
  }
}
