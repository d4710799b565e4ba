package de.rundbrief.infrastructure.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsFetchException.Reason;
import de.rundbrief.domain.cms.CmsItem;
import de.rundbrief.domain.cms.CmsReader;
import de.rundbrief.domain.cms.CmsSource;
import de.rundbrief.domain.cms.CmsSourceKind;
import de.rundbrief.testsupport.CmsTestServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of source read from a CMS on loopback, as central administrators register them. */
class HttpCmsReaderTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final CarefulFetcher.Limits LIMITS =
      new CarefulFetcher.Limits(
          Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3), 1_000_000, 3);

  private static CmsTestServer cms;
  private static CredentialVault vault;
  private static HttpCmsReader reader;

  @BeforeAll
  static void start() {
    cms = new CmsTestServer();
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 3);
    vault = new CredentialVault(key, name -> Optional.empty());
    reader = new HttpCmsReader(() -> new AddressPolicy(List.of("127.0.0.1")), LIMITS, vault);
  }

  @AfterAll
  static void stop() {
    cms.close();
  }

  private static CmsSource source(CmsSourceKind kind, String path) {
    return new CmsSource("Quelle", kind, cms.uri(path), "ada", NOW);
  }

  @Test
  void anRssFeedGivesItsNewestItems() {
    List<CmsItem> items = reader.latest(source(CmsSourceKind.FEED, "/files/rss2.xml"), 2);
    assertThat(items).hasSize(2);
    assertThat(items.get(0).title()).isEqualTo("Straßenfest in München – Programm & Anfahrt");
    assertThat(items.get(0).link().getScheme()).isEqualTo("https");
  }

  @Test
  void anAtomFeedGivesItsEntries() {
    List<CmsItem> items = reader.latest(source(CmsSourceKind.FEED, "/files/atom.xml"), 10);
    assertThat(items).isNotEmpty();
    assertThat(items).allSatisfy(item -> assertThat(item.id()).isNotBlank());
  }

  @Test
  void wordPressIsAskedForItsPostsWithTheApplicationPassword() {
    CmsSource wordpress = source(CmsSourceKind.WORDPRESS, "/");
    wordpress.useSealedSecret(
        CmsTestServer.WP_USER, vault.seal(CmsTestServer.WP_PASSWORD), "ada", NOW);
    List<CmsItem> posts = reader.latest(wordpress, 3);
    assertThat(posts)
        .extracting(CmsItem::id, CmsItem::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "1234", "Straßenfest in München – Programm & Anfahrt"),
            org.assertj.core.groups.Tuple.tuple("1228", "„Kirche mit Kindern“ startet wieder"),
            org.assertj.core.groups.Tuple.tuple("1201", "Neue Öffnungszeiten im Gemeindebüro"));
    assertThat(cms.requests())
        .anySatisfy(
            request ->
                assertThat(request)
                    .startsWith("GET /wp-json/wp/v2/posts?per_page=3&_embed Basic "));
  }

  @Test
  void wordPressWithoutOrWithWrongCredentialsIsUnauthorised() {
    CmsSource wordpress = source(CmsSourceKind.WORDPRESS, "/");
    assertThatThrownBy(() -> reader.latest(wordpress, 3))
        .isInstanceOfSatisfying(
            CmsFetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORISED));
    wordpress.useSealedSecret(CmsTestServer.WP_USER, vault.seal("falsch"), "ada", NOW);
    assertThatThrownBy(() -> reader.latest(wordpress, 3))
        .isInstanceOfSatisfying(
            CmsFetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORISED));
  }

  @Test
  void theWordPressAddressMayBeTheSiteOrThePostsEndpoint() {
    assertThat(HttpCmsReader.wordPressPosts(URI.create("https://blog.example"), 5))
        .isEqualTo(URI.create("https://blog.example/wp-json/wp/v2/posts?per_page=5&_embed"));
    assertThat(
            HttpCmsReader.wordPressPosts(
                URI.create("https://blog.example/wp-json/wp/v2/posts?categories=7"), 5))
        .isEqualTo(
            URI.create("https://blog.example/wp-json/wp/v2/posts?categories=7&per_page=5&_embed"));
  }

  @Test
  void aWebPageIsOneItemAndBecomesABodyWithItsCssInlined() {
    CmsSource page = source(CmsSourceKind.WEB_PAGE, "/files/page.html");
    List<CmsItem> items = reader.latest(page, 10);
    assertThat(items)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.title())
                  .isEqualTo("Rundbrief Oktober – Neues aus der Genossenschaft");
              assertThat(item.link()).isEqualTo(cms.uri("/files/page.html"));
            });
    CmsReader.CmsPage body = reader.page(page);
    assertThat(body.title()).isEqualTo("Rundbrief Oktober – Neues aus der Genossenschaft");
    assertThat(body.html())
        .contains("Herbstgrüße aus Köln")
        .contains("src=\"" + cms.uri("/files/img/logo.png") + "\"")
        .contains("color: #8a1538")
        .contains(cms.uri("/files/img/bg.png").toString())
        .doesNotContain("<script")
        .doesNotContain("<style");
  }

  @Test
  void brokenDocumentsAreMalformed() {
    for (String path :
        List.of("/files/malformed.xml", "/files/not-a-feed.html", "/files/xxe.xml")) {
      assertThatThrownBy(() -> reader.latest(source(CmsSourceKind.FEED, path), 5))
          .as(path)
          .isInstanceOfSatisfying(
              CmsFetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
    assertThatThrownBy(
            () ->
                reader.latest(
                    source(CmsSourceKind.WORDPRESS, "/files/wp-json/wordpress-error.json"), 5))
        .isInstanceOfSatisfying(
            CmsFetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void serverFailuresReachTheEditorWithTheirReason() {
    assertThatThrownBy(() -> reader.latest(source(CmsSourceKind.FEED, "/status/500"), 5))
        .isInstanceOfSatisfying(
            CmsFetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR));
    assertThatThrownBy(() -> reader.latest(source(CmsSourceKind.FEED, "/slow?ms=8000"), 5))
        .isInstanceOfSatisfying(
            CmsFetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    assertThatThrownBy(() -> reader.latest(source(CmsSourceKind.FEED, "/huge?bytes=5000000"), 5))
        .isInstanceOfSatisfying(
            CmsFetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
  }

  @Test
  void withoutTheLoopbackAllowedNothingIsRead() {
    HttpCmsReader strict = new HttpCmsReader(() -> new AddressPolicy(List.of()), LIMITS, vault);
    assertThatThrownBy(() -> strict.latest(source(CmsSourceKind.FEED, "/files/rss2.xml"), 5))
        .isInstanceOfSatisfying(
            CmsFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ADDRESS_NOT_ALLOWED));
  }
}
