package de.rundbrief.infrastructure.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsFetchException.Reason;
import de.rundbrief.domain.cms.CmsItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDocumentsTest {

  private static final URI WORDPRESS_FEED = URI.create("https://gemeinde.example.org/feed/");
  private static final URI JEKYLL_FEED = URI.create("https://verein.example.net/feed.xml");

  @Test
  void readsTheItemsOfAWordPressRssFeedInDocumentOrder() {
    List<CmsItem> items = FeedDocuments.read(resource("rss2.xml"), WORDPRESS_FEED, 10);

    assertThat(items)
        .extracting(CmsItem::id)
        .containsExactly(
            "https://gemeinde.example.org/?p=1234",
            "https://gemeinde.example.org/?p=1228",
            "https://gemeinde.example.org/?p=1201");
    assertThat(items)
        .extracting(CmsItem::title)
        .containsExactly(
            "Straßenfest in München – Programm & Anfahrt",
            "„Kirche mit Kindern“ startet wieder",
            "Neue Öffnungszeiten im Gemeindebüro");
    assertThat(items)
        .extracting(CmsItem::link)
        .containsExactly(
            URI.create("https://gemeinde.example.org/2024/05/02/strassenfest-in-muenchen/"),
            URI.create("https://gemeinde.example.org/2024/04/28/kirche-mit-kindern/"),
            URI.create("https://gemeinde.example.org/2024/04/15/oeffnungszeiten/"));
    assertThat(items)
        .extracting(CmsItem::published)
        .containsExactly(
            Instant.parse("2024-05-02T09:15:00Z"),
            Instant.parse("2024-04-28T16:30:00Z"),
            Instant.parse("2024-04-15T07:00:00Z"));
  }

  @Test
  void rssHtmlIsTheEncodedContentAndTheTeaserTheDescription() {
    CmsItem item = FeedDocuments.read(resource("rss2.xml"), WORDPRESS_FEED, 10).get(1);

    assertThat(item.html())
        .startsWith("<p>Ab Mai feiern wir wieder jeden ersten Sonntag im Monat")
        .contains("Eltern und Großeltern sind herzlich eingeladen.</p>");
    assertThat(item.teaser())
        .isEqualTo(
            "Ab Mai feiern wir wieder jeden ersten Sonntag im Monat Gottesdienst für die Kleinen. …");
  }

  @Test
  void rssDescriptionIsTheHtmlWhenThereIsNoEncodedContent() {
    String feed =
        rss(
            "<item><guid>a-1</guid><title>Kurz</title>"
                + "<description>&lt;p&gt;Nur &lt;b&gt;eine&lt;/b&gt; Beschreibung&lt;/p&gt;</description>"
                + "</item>");

    CmsItem item = FeedDocuments.read(bytes(feed), WORDPRESS_FEED, 10).get(0);

    assertThat(item.html()).isEqualTo("<p>Nur <b>eine</b> Beschreibung</p>");
    assertThat(item.teaser()).isEqualTo("Nur eine Beschreibung");
  }

  @Test
  void longTeasersAreCutAtAWordBoundaryWithAnEllipsis() {
    CmsItem item = FeedDocuments.read(resource("rss2.xml"), WORDPRESS_FEED, 10).get(0);

    assertThat(item.teaser())
        .isEqualTo(
            "Am Samstag feiern wir das große Straßenfest rund um die Kirche. Hier finden Sie das"
                + " Programm, die Anfahrt und was Sie mitbringen können. Der Erlös geht an die"
                + " Jugendarbeit der Gemeinde, die damit im Sommer die Freizeit an den Chiemsee und"
                + " die neuen Zelte für das Pfingstlager…")
        .hasSizeLessThanOrEqualTo(CmsItem.TEASER_LENGTH);
  }

  @Test
  void aTeaserOfOneEndlessWordIsCutHard() {
    String word = "Donaudampfschifffahrtsgesellschaft".repeat(20);
    String feed = rss("<item><guid>w</guid><description>" + word + "</description></item>");

    String teaser = FeedDocuments.read(bytes(feed), WORDPRESS_FEED, 1).get(0).teaser();

    assertThat(teaser).hasSize(CmsItem.TEASER_LENGTH).endsWith("…");
    assertThat(word).startsWith(teaser.substring(0, teaser.length() - 1));
  }

  @Test
  void rssImageComesFromTheContentMediaOrAnImageEnclosure() {
    List<CmsItem> items = FeedDocuments.read(resource("rss2.xml"), WORDPRESS_FEED, 10);

    assertThat(items)
        .extracting(CmsItem::image)
        .containsExactly(
            URI.create(
                "https://gemeinde.example.org/wp-content/uploads/2024/05/strassenfest-1024x683.jpg"),
            URI.create(
                "https://gemeinde.example.org/wp-content/uploads/2024/04/kimiki-1024x576.jpg"),
            null);

    String feed =
        rss(
            "<item><guid>e</guid>"
                + "<enclosure url=\"https://cdn.example.org/folge-12.mp3\" type=\"audio/mpeg\""
                + " length=\"1\"/>"
                + "<enclosure url=\"https://cdn.example.org/cover.jpg\" type=\"image/jpeg\""
                + " length=\"1\"/>"
                + "<description>&lt;img src=\"https://cdn.example.org/other.jpg\"&gt;</description>"
                + "</item>");
    assertThat(FeedDocuments.read(bytes(feed), WORDPRESS_FEED, 1).get(0).image())
        .isEqualTo(URI.create("https://cdn.example.org/cover.jpg"));
  }

  @Test
  void rssItemWithoutGuidIsIdentifiedByItsLink() {
    String feed =
        rss(
            "<item><title>Ohne Guid</title><link>https://blog.example.com/ohne-guid/</link></item>");

    CmsItem item = FeedDocuments.read(bytes(feed), WORDPRESS_FEED, 1).get(0);

    assertThat(item.id()).isEqualTo("https://blog.example.com/ohne-guid/");
    assertThat(item.html()).isEmpty();
    assertThat(item.teaser()).isEmpty();
  }

  @Test
  void aPermalinkGuidIsTheLinkWhenThereIsNone() {
    String feed =
        rss(
            "<item><guid>https://blog.example.com/?p=5</guid></item>"
                + "<item><guid isPermaLink=\"false\">https://blog.example.com/?p=6</guid></item>");

    List<CmsItem> items = FeedDocuments.read(bytes(feed), WORDPRESS_FEED, 10);

    assertThat(items)
        .extracting(CmsItem::link)
        .containsExactly(URI.create("https://blog.example.com/?p=5"), null);
  }

  @Test
  void bytesThatAreNotUtf8AreMalformed() {
    byte[] feed = bytes(rss("<item><guid>u</guid><title>Gr__e</title></item>"));
    int at = new String(feed, StandardCharsets.ISO_8859_1).indexOf("__");
    feed[at] = (byte) 0xFC;
    feed[at + 1] = (byte) 0x20;

    CmsFetchException e = failure(feed);

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e.getMessage()).startsWith("Malformed XML");
  }

  @Test
  void readsTheEntriesOfAnAtomFeed() {
    List<CmsItem> entries = FeedDocuments.read(resource("atom.xml"), JEKYLL_FEED, 10);

    assertThat(entries)
        .extracting(CmsItem::id)
        .containsExactly(
            "https://verein.example.net/2024/05/03/sommerfest",
            "tag:verein.example.net,2024-04-20:/trainingszeiten",
            "https://verein.example.net/2024/03/01/mitgliederversammlung");
    assertThat(entries)
        .extracting(CmsItem::title)
        .containsExactly(
            "Sommerfest & Vereinsmeisterschaft",
            "Neue Trainingszeiten für die Jugend",
            "Mitgliederversammlung 2024 <Einladung>");
    assertThat(entries)
        .extracting(CmsItem::link)
        .containsExactly(
            URI.create("https://verein.example.net/2024/05/03/sommerfest.html"),
            URI.create("https://verein.example.net/2024/04/20/trainingszeiten.html"),
            URI.create("https://verein.example.net/2024/03/01/mitgliederversammlung.html"));
  }

  @Test
  void atomDateIsPublishedElseUpdated() {
    List<CmsItem> entries = FeedDocuments.read(resource("atom.xml"), JEKYLL_FEED, 10);

    assertThat(entries)
        .extracting(CmsItem::published)
        .containsExactly(
            Instant.parse("2024-05-03T08:00:00Z"),
            Instant.parse("2024-04-20T18:45:00Z"),
            Instant.parse("2024-03-01T07:00:00Z"));
  }

  @Test
  void atomHtmlIsTheContentOfAnyTypeAndTheTeaserTheSummary() {
    List<CmsItem> entries = FeedDocuments.read(resource("atom.xml"), JEKYLL_FEED, 10);

    assertThat(entries.get(0).html())
        .startsWith("<p>Am <strong>22. Juni</strong> steigt unser Sommerfest")
        .contains("<img src=\"/assets/img/sommerfest-2023.jpg\" alt=\"Sommerfest 2023\" />");
    assertThat(entries.get(0).teaser())
        .isEqualTo(
            "Am 22. Juni steigt unser Sommerfest mit der Vereinsmeisterschaft im Elfmeterschießen.");
    assertThat(entries.get(1).html())
        .isEqualTo(
            "<p>Ab Mai trainiert die <strong>D-Jugend</strong> dienstags und freitags.</p>"
                + "<p>Der ganze Plan steht <a href=\"/trainingsplan/\">hier</a>.<br>"
                + "Fragen an die Übungsleiter.</p>");
    assertThat(entries.get(1).teaser())
        .isEqualTo(
            "Ab Mai trainiert die D-Jugend dienstags und freitags. Der ganze Plan steht hier."
                + " Fragen an die Übungsleiter.");
    assertThat(entries.get(2).html())
        .isEqualTo(
            "Die Mitgliederversammlung findet am 22. März um 19 Uhr im Vereinsheim statt."
                + " Tagesordnung: Berichte des Vorstands, Entlastung, Neuwahlen.");
  }

  @Test
  void atomImageComesFromMediaAnImageEnclosureOrTheFirstImage() {
    List<CmsItem> entries = FeedDocuments.read(resource("atom.xml"), JEKYLL_FEED, 10);

    assertThat(entries)
        .extracting(CmsItem::image)
        .containsExactly(
            URI.create("https://verein.example.net/assets/img/sommerfest-teaser.jpg"),
            URI.create("https://verein.example.net/assets/img/trainingsplan.png"),
            null);

    String feed =
        atom(
            "<entry><id>urn:1</id><content type=\"html\" xml:base=\"https://blog.example.com/a/b/\">"
                + "&lt;p&gt;&lt;img src=\"bild.jpg\"&gt;&lt;/p&gt;</content></entry>");
    assertThat(FeedDocuments.read(bytes(feed), JEKYLL_FEED, 1).get(0).image())
        .isEqualTo(URI.create("https://blog.example.com/a/b/bild.jpg"));
  }

  @Test
  void relativeLinksBecomeAbsoluteAgainstTheFeedAddress() {
    String feed =
        rss(
            "<item><guid>r</guid><link>/2024/05/relativ/</link>"
                + "<enclosure url=\"../bilder/titel%20bild.jpg\" type=\"image/jpeg\" length=\"1\"/>"
                + "</item>"
                + "<item><guid>s</guid><link>neu.html</link>"
                + "<description>&lt;img src=\"//cdn.example.com/b ild.png\"&gt;</description>"
                + "</item>");

    List<CmsItem> items =
        FeedDocuments.read(bytes(feed), URI.create("https://blog.example.com/blog/feed/"), 10);

    assertThat(items.get(0).link()).hasToString("https://blog.example.com/2024/05/relativ/");
    assertThat(items.get(0).image())
        .hasToString("https://blog.example.com/blog/bilder/titel%20bild.jpg");
    assertThat(items.get(1).link()).hasToString("https://blog.example.com/blog/feed/neu.html");
    assertThat(items.get(1).image()).hasToString("https://cdn.example.com/b%20ild.png");
  }

  @Test
  void xmlBaseOnFeedAndEntryIsHonoured() {
    String feed =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://cdn.example.org/site/\">"
            + "<entry xml:base=\"posts/\"><id>urn:1</id><link href=\"eins.html\"/></entry>"
            + "<entry><id>urn:2</id><link rel=\"alternate\" href=\"zwei.html\"/></entry>"
            + "</feed>";

    List<CmsItem> entries = FeedDocuments.read(bytes(feed), JEKYLL_FEED, 10);

    assertThat(entries)
        .extracting(CmsItem::link)
        .containsExactly(
            URI.create("https://cdn.example.org/site/posts/eins.html"),
            URI.create("https://cdn.example.org/site/zwei.html"));
  }

  @Test
  void onlyHttpAndHttpsLinksAndImagesAreKept() {
    String feed =
        rss(
            "<item><guid>x</guid><link>javascript:alert(1)</link>"
                + "<enclosure url=\"data:image/png;base64,iVBORw0KGgo=\" type=\"image/png\""
                + " length=\"1\"/>"
                + "<description>&lt;img src=\"data:image/gif;base64,R0lGOD==\"&gt;"
                + "&lt;img src=\"ftp://files.example.com/a.png\"&gt;</description></item>"
                + "<item><guid>y</guid><link>mailto:redaktion@example.com</link>"
                + "<description>&lt;img src=\"javascript:alert(1)\"&gt;"
                + "&lt;img src=\"http://bilder.example.com/echt.jpg\"&gt;</description></item>");

    List<CmsItem> items = FeedDocuments.read(bytes(feed), WORDPRESS_FEED, 10);

    assertThat(items).extracting(CmsItem::link).containsExactly(null, null);
    assertThat(items)
        .extracting(CmsItem::image)
        .containsExactly(null, URI.create("http://bilder.example.com/echt.jpg"));
  }

  @Test
  void atMostMaxItemsAreReadInDocumentOrder() {
    assertThat(FeedDocuments.read(resource("rss2.xml"), WORDPRESS_FEED, 2))
        .extracting(CmsItem::id)
        .containsExactly(
            "https://gemeinde.example.org/?p=1234", "https://gemeinde.example.org/?p=1228");
    assertThat(FeedDocuments.read(resource("atom.xml"), JEKYLL_FEED, 1))
        .extracting(CmsItem::id)
        .containsExactly("https://verein.example.net/2024/05/03/sommerfest");
    assertThat(FeedDocuments.read(resource("rss2.xml"), WORDPRESS_FEED, 0)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Thu, 02 May 2024 09:15:00 +0000",
        "Thu, 2 May 2024 09:15:00 GMT",
        "2 May 2024 09:15:00 +0000",
        "02 May 2024 09:15 UT",
        "Thursday, 02 May 2024 11:15:00 +0200",
        "Fri, 02 May 2024 09:15:00 +0000",
        "thu, 02 may 2024 05:15:00 EDT",
        "Thu, 02 May 2024 11:15:00 CEST",
        "Thu,  02 May 24 09:15:00 Z",
        "2024-05-02T11:15:00+02:00"
      })
  void rssDatesAreReadLeniently(String pubDate) {
    String feed = rss("<item><guid>d</guid><pubDate>" + pubDate + "</pubDate></item>");

    assertThat(FeedDocuments.read(bytes(feed), WORDPRESS_FEED, 1).get(0).published())
        .isEqualTo(Instant.parse("2024-05-02T09:15:00Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"gestern", "Do, 02 Mai 2024 09:15:00 +0200", "02 May 2024 09:15:00 XYZ", " "})
  void unreadableDatesAreLeftOut(String pubDate) {
    String feed = rss("<item><guid>d</guid><pubDate>" + pubDate + "</pubDate></item>");

    assertThat(FeedDocuments.read(bytes(feed), WORDPRESS_FEED, 1).get(0).published()).isNull();
  }

  @Test
  void encodingComesFromTheXmlDeclaration() {
    String feed =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
            + "<rss version=\"2.0\"><channel><item><guid>l</guid><title>Grüße aus Köln</title>"
            + "</item></channel></rss>";

    CmsItem item =
        FeedDocuments.read(feed.getBytes(StandardCharsets.ISO_8859_1), WORDPRESS_FEED, 1).get(0);

    assertThat(item.title()).isEqualTo("Grüße aus Köln");
  }

  @Test
  void malformedXmlIsReportedWithLineAndColumn() {
    CmsFetchException e = failure(resource("malformed.xml"));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e.getMessage())
        .startsWith("Malformed XML at line 10, column ")
        .contains("\"description\" must be terminated by the matching end-tag");
  }

  @Test
  void anHtmlPageIsNotAFeed() {
    CmsFetchException e = failure(resource("not-a-feed.html"));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e.getMessage()).isEqualTo("Not an RSS or Atom feed: the document is an HTML page");
  }

  @Test
  void wellFormedXmlOfAnotherKindIsNotAFeed() {
    String xhtml =
        "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>";
    String sitemap =
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>x</loc></url>"
            + "</urlset>";

    assertThat(failure(bytes(xhtml)).getMessage())
        .isEqualTo(
            "Not an RSS or Atom feed: root element html in namespace http://www.w3.org/1999/xhtml");
    assertThat(failure(bytes(sitemap)).getMessage())
        .isEqualTo(
            "Not an RSS or Atom feed: root element urlset in namespace"
                + " http://www.sitemaps.org/schemas/sitemap/0.9");
    assertThat(failure(bytes("<rss version=\"2.0\"></rss>")).getMessage())
        .isEqualTo("Not an RSS feed: the rss element has no channel");
  }

  @Test
  void jsonAndEmptyBodiesAreNotFeeds() {
    assertThat(failure(resource("wordpress-posts.json")).getMessage())
        .isEqualTo("Not an RSS or Atom feed: the document is JSON");
    assertThat(failure(new byte[0]).getMessage())
        .isEqualTo("Not an RSS or Atom feed: the document is empty");
    assertThat(failure(bytes(" \n\t")).reason()).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void anXxeAttemptIsMalformedAndReadsNoFile() {
    CmsFetchException e = failure(resource("xxe.xml"));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e.getMessage())
        .contains("The entity \"xxe\" was referenced, but not declared")
        .doesNotContain("root:");
  }

  @Test
  void entitiesFromDeclarationsOrExternalDtdsAreNeverRead(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "geheim-4711");
    Path dtd =
        Files.writeString(
            dir.resolve("evil.dtd"), "<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">");
    String item = "<channel><item><guid>g</guid><title>&leak;</title></item></channel></rss>";
    List<String> attempts =
        List.of(
            "<!DOCTYPE rss [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]><rss>" + item,
            "<!DOCTYPE rss SYSTEM \"" + dtd.toUri() + "\"><rss>" + item,
            "<!DOCTYPE rss [<!ENTITY % dtd SYSTEM \"" + dtd.toUri() + "\"> %dtd;]><rss>" + item,
            "<!DOCTYPE rss [<!ENTITY leak \"lol\"><!ENTITY lol2 \"&leak;&leak;\">]><rss>" + item);

    for (String attempt : attempts) {
      CmsFetchException e = failure(bytes(attempt));
      assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
      assertThat(e.getMessage())
          .contains("\"leak\" was referenced, but not declared")
          .doesNotContain("geheim");
    }
  }

  @Test
  void aLegacyDoctypeWithoutEntitiesIsIgnored() {
    String feed =
        "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS"
            + " 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">"
            + "<rss version=\"0.91\"><channel><item><title>Alt</title>"
            + "<link>https://alt.example.com/1</link></item></channel></rss>";

    assertThat(FeedDocuments.read(bytes(feed), WORDPRESS_FEED, 1))
        .extracting(CmsItem::id)
        .containsExactly("https://alt.example.com/1");
  }

  private static CmsFetchException failure(byte[] body) {
    return catchThrowableOfType(
        CmsFetchException.class, () -> FeedDocuments.read(body, WORDPRESS_FEED, 10));
  }

  private static String rss(String items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        + "<title>Test</title><link>https://blog.example.com/</link>"
        + items
        + "</channel></rss>";
  }

  private static String atom(String entries) {
    return "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:feed</id><title>Test</title>"
        + entries
        + "</feed>";
  }

  private static byte[] bytes(String document) {
    return document.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] resource(String name) {
    try (InputStream in = FeedDocumentsTest.class.getResourceAsStream("/cms/" + name)) {
      if (in == null) {
        throw new IllegalStateException("No test document " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
