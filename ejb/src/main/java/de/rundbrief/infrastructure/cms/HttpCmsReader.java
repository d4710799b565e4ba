package de.rundbrief.infrastructure.cms;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsFetchException.Reason;
import de.rundbrief.domain.cms.CmsItem;
import de.rundbrief.domain.cms.CmsReader;
import de.rundbrief.domain.cms.CmsSource;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads CMS sources over HTTP with the {@link CarefulFetcher}: the internal hosts central
 * administrators allow come from the settings on every call, so a change applies at once.
 */
@ApplicationScoped
public class HttpCmsReader implements CmsReader {

  public static final String MAX_BYTES_PROPERTY = "rundbrief.cms.max-bytes";
  public static final String TIMEOUT_PROPERTY = "rundbrief.cms.timeout-seconds";

  private static final String FEED_TYPES =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";
  private static final String JSON = "application/json";
  private static final String HTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

  private Supplier<AddressPolicy> policy;
  private CarefulFetcher.Limits limits;
  private CredentialVault vault;

  protected HttpCmsReader() {}

  @Inject
  public HttpCmsReader(
      Settings settings,
      CredentialVault vault,
      @ConfigProperty(name = MAX_BYTES_PROPERTY, defaultValue = "5000000") long maxBytes,
      @ConfigProperty(name = TIMEOUT_PROPERTY, defaultValue = "20") int timeoutSeconds) {
    this(
        () -> new AddressPolicy(settings.global().lines(SettingKey.CMS_ALLOWED_HOSTS)),
        new CarefulFetcher.Limits(
            CarefulFetcher.Limits.DEFAULT.connectTimeout(),
            CarefulFetcher.Limits.DEFAULT.readTimeout(),
            Duration.ofSeconds(timeoutSeconds),
            maxBytes,
            CarefulFetcher.Limits.DEFAULT.maxRedirects()),
        vault);
  }

  /** With its own policy and limits, outside the container. */
  public HttpCmsReader(
      Supplier<AddressPolicy> policy, CarefulFetcher.Limits limits, CredentialVault vault) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.vault = Objects.requireNonNull(vault, "vault");
  }

  @Override
  public List<CmsItem> latest(CmsSource source, int max) {
    String authorization = vault.basicAuthorization(source);
    try (CarefulFetcher fetcher = fetcher()) {
      return switch (source.getKind()) {
        case FEED -> {
          CarefulFetcher.Document feed = fetcher.get(source.getUrl(), FEED_TYPES, authorization);
          yield FeedDocuments.read(feed.body(), feed.uri(), max);
        }
        case WORDPRESS -> {
          CarefulFetcher.Document posts =
              fetcher.get(wordPressPosts(source.getUrl(), max), JSON, authorization);
          yield WordPressPosts.read(posts.body(), posts.uri(), max);
        }
        case WEB_PAGE ->
            List.of(pageItem(parse(fetcher.get(source.getUrl(), HTML, authorization))));
      };
    }
  }

  @Override
  public CmsPage page(CmsSource source) {
    String authorization = vault.basicAuthorization(source);
    try (CarefulFetcher fetcher = fetcher()) {
      Document page = parse(fetcher.get(source.getUrl(), HTML, authorization));
      String title = page.title().strip();
      // at most PageInliner.MAX_STYLESHEETS, all within the fetcher's one time-out
      String body =
          PageInliner.toMailBody(
              page,
              URI.create(page.location()),
              stylesheet -> fetcher.get(stylesheet, "text/css, */*;q=0.1", null).text());
      return new CmsPage(title, body);
    }
  }

  /** The posts endpoint of a WordPress site, or the address as given if it is one already. */
  static URI wordPressPosts(URI site, int max) {
    String address = site.toString();
    if (!address.contains("/wp-json/")) {
      address = (address.endsWith("/") ? address : address + "/") + "wp-json/wp/v2/posts";
    }
    return URI.create(
        address + (address.contains("?") ? "&" : "?") + "per_page=" + max + "&_embed");
  }

  private CarefulFetcher fetcher() {
    return new CarefulFetcher(policy.get(), limits);
  }

  private static Document parse(CarefulFetcher.Document page) {
    String mime = page.mimeType();
    if (mime != null && !(mime.contains("html") || mime.startsWith("text/"))) {
      throw new CmsFetchException(
          Reason.MALFORMED, "Not a web page but " + mime + " at " + page.uri());
    }
    try {
      return Jsoup.parse(
          new ByteArrayInputStream(page.body()),
          page.charset() == null ? null : page.charset().name(),
          page.uri().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A page as one item: its title, description and share image as the page declares them. */
  private static CmsItem pageItem(Document page) {
    URI uri = URI.create(page.location());
    String title = meta(page, "og:title");
    String image = absolute(page, "meta[property=og:image]", "content");
    String teaser = meta(page, "og:description");
    if (teaser == null) {
      Element description = page.selectFirst("meta[name=description]");
      teaser = description == null ? "" : description.attr("content");
    }
    return new CmsItem(
        uri.toString(),
        title != null ? title : page.title(),
        uri,
        null,
        FeedDocuments.teaser(teaser),
        image == null ? null : URI.create(image),
        "");
  }

  private static String meta(Document page, String property) {
    Element meta = page.selectFirst("meta[property=" + property + "]");
    return meta == null || meta.attr("content").isBlank() ? null : meta.attr("content").strip();
  }

  private static String absolute(Document page, String selector, String attribute) {
    Element element = page.selectFirst(selector);
    if (element == null) {
      return null;
    }
    String value = element.absUrl(attribute);
    return value.startsWith("http://") || value.startsWith("https://") ? value : null;
  }
}
