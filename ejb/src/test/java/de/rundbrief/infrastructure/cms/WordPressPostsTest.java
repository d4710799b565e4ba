package de.rundbrief.infrastructure.cms;

import static de.rundbrief.infrastructure.cms.FeedDocumentsTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsFetchException.Reason;
import de.rundbrief.domain.cms.CmsItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordPressPostsTest {

  private static final URI API =
      URI.create("https://gemeinde.example.org/wp-json/wp/v2/posts?per_page=3&_embed");

  @Test
  void readsPostsWithTitlesAsPlainTextWithUmlautsAndEntitiesDecoded() {
    List<CmsItem> posts = WordPressPosts.read(resource("wordpress-posts.json"), API, 10);

    assertThat(posts).extracting(CmsItem::id).containsExactly("1234", "1228", "1201");
    assertThat(posts)
        .extracting(CmsItem::title)
        .containsExactly(
            "Straßenfest in München – Programm & Anfahrt",
            "„Kirche mit Kindern“ startet wieder",
            "Neue Öffnungszeiten im Gemeindebüro");
    assertThat(posts)
        .extracting(CmsItem::link)
        .containsExactly(
            URI.create("https://gemeinde.example.org/2024/05/02/strassenfest-in-muenchen/"),
            URI.create("https://gemeinde.example.org/2024/04/28/kirche-mit-kindern/"),
            URI.create("https://gemeinde.example.org/2024/04/15/oeffnungszeiten/"));
  }

  @Test
  void dateGmtIsReadAsUtc() {
    List<CmsItem> posts = WordPressPosts.read(resource("wordpress-posts.json"), API, 10);

    assertThat(posts)
        .extracting(CmsItem::published)
        .containsExactly(
            Instant.parse("2024-05-02T09:15:00Z"),
            Instant.parse("2024-04-28T16:30:00Z"),
            Instant.parse("2024-04-15T07:00:00Z"));
  }

  @Test
  void htmlIsTheRenderedContentAndTheTeaserTheExcerptWithoutItsReadMoreLink() {
    List<CmsItem> posts = WordPressPosts.read(resource("wordpress-posts.json"), API, 10);

    assertThat(posts.get(0).html())
        .startsWith("<p>Am Samstag feiern wir das <strong>große Straßenfest</strong>")
        .contains("<li>15:30 Uhr &#8211; Kinderflohmarkt &amp; Hüpfburg</li>");
    assertThat(posts.get(0).teaser())
        .isEqualTo(
            "Am Samstag feiern wir das große Straßenfest rund um die Kirche. Hier finden Sie das"
                + " Programm, die Anfahrt und was Sie mitbringen können …");
    assertThat(posts.get(1).teaser())
        .isEqualTo(
            "Ab Mai feiern wir wieder jeden ersten Sonntag im Monat Gottesdienst für die Kleinen,"
                + " mit Liedern, einer Geschichte aus der Bibel und einer kleinen Bastelaktion im"
                + " Gemeindehaus. Eltern und Großeltern sind herzlich eingeladen, mitzufeiern. Im"
                + " Anschluss gibt es Kaffee, Saft und…")
        .hasSizeLessThanOrEqualTo(CmsItem.TEASER_LENGTH);
  }

  @Test
  void featuredImageIsAContentSizedRenditionElseTheUploadElseTheFirstImageInTheContent() {
    List<CmsItem> posts = WordPressPosts.read(resource("wordpress-posts.json"), API, 10);

    assertThat(posts)
        .extracting(CmsItem::image)
        .containsExactly(
            URI.create(
                "https://gemeinde.example.org/wp-content/uploads/2024/05/strassenfest-1024x683.jpg"),
            URI.create("https://gemeinde.example.org/wp-content/uploads/2024/04/kimiki.jpg"),
            URI.create("https://gemeinde.example.org/wp-content/uploads/2024/04/buero.jpg"));
  }

  @Test
  void featuredMediaTheReaderMayNotSeeFallsBackToTheFirstImage() {
    String answer =
        "[{\"id\":7,\"link\":\"https://blog.example.com/?p=7\",\"title\":{\"rendered\":\"Privat\"},"
            + "\"content\":{\"rendered\":\"<p><img src=\\\"https://blog.example.com/a.jpg\\\"></p>\"},"
            + "\"featured_media\":9,\"_embedded\":{\"wp:featuredmedia\":[{\"code\":\"rest_forbidden\","
            + "\"message\":\"Sorry, you are not allowed to do that.\",\"data\":{\"status\":401}}]}}]";

    CmsItem post = WordPressPosts.read(bytes(answer), API, 1).get(0);

    assertThat(post.image()).isEqualTo(URI.create("https://blog.example.com/a.jpg"));
    assertThat(post.published()).isNull();
    assertThat(post.teaser()).isEmpty();
  }

  @Test
  void atMostMaxPostsAreReadInTheOrderWordPressSentThem() {
    assertThat(WordPressPosts.read(resource("wordpress-posts.json"), API, 2))
        .extracting(CmsItem::id)
        .containsExactly("1234", "1228");
    assertThat(WordPressPosts.read(resource("wordpress-posts.json"), API, 0)).isEmpty();
  }

  @Test
  void aByteOrderMarkInFrontIsTolerated() {
    byte[] posts = resource("wordpress-posts.json");
    byte[] withBom = new byte[posts.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(posts, 0, withBom, 3, posts.length);

    assertThat(WordPressPosts.read(withBom, API, 10)).hasSize(3);
  }

  @Test
  void aWordPressErrorIsReportedWithItsCodeAndMessage() {
    CmsFetchException e = failure(resource("wordpress-error.json"));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e.getMessage())
        .isEqualTo(
            "WordPress answered with an error: rest_forbidden: Sorry, you are not allowed to do"
                + " that.");
  }

  @Test
  void anObjectOrOtherValueInsteadOfAnArrayIsNotAPostsList() {
    CmsFetchException object =
        failure(bytes("{\"id\":1234,\"title\":{\"rendered\":\"Ein einzelner Beitrag\"}}"));
    CmsFetchException string = failure(bytes("\"Hallo\""));

    assertThat(object.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(object.getMessage())
        .isEqualTo("Not a WordPress posts list: the answer is a JSON object, not an array");
    assertThat(string.getMessage())
        .isEqualTo("Not a WordPress posts list: the answer is a JSON string, not an array");
  }

  @Test
  void malformedJsonIsReportedWithTheParsersMessage() {
    CmsFetchException truncated = failure(bytes("[{\"id\":1234,\"title\":{\"rendered\":\"x\"}"));
    CmsFetchException feed = failure(resource("rss2.xml"));

    assertThat(truncated.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(truncated.getMessage()).startsWith("Malformed JSON: ").contains("line no=1");
    assertThat(feed.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(feed.getMessage()).startsWith("Malformed JSON: ");
  }

  @Test
  void anHtmlPageOrAnEmptyAnswerIsNotAPostsList() {
    assertThat(failure(resource("not-a-feed.html")).getMessage())
        .isEqualTo("Not a WordPress posts list: the answer is an HTML page");
    assertThat(failure(new byte[0]).getMessage())
        .isEqualTo("Not a WordPress posts list: the answer is empty");
  }

  private static CmsFetchException failure(byte[] body) {
    return catchThrowableOfType(CmsFetchException.class, () -> WordPressPosts.read(body, API, 10));
  }

  private static byte[] bytes(String answer) {
    return answer.getBytes(StandardCharsets.UTF_8);
  }
}
