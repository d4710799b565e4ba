package de.rundbrief.domain.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentBlocksTest {

  private static CmsItem item(String title, String link, String teaser, String image) {
    return new CmsItem(
        link,
        title,
        link == null ? null : URI.create(link),
        Instant.parse("2026-11-02T08:00:00Z"),
        teaser,
        image == null ? null : URI.create(image),
        "<p>ignored</p>");
  }

  @Test
  void eachItemBecomesImageTitleLinkTeaserAndReadMore() {
    String html =
        ContentBlocks.html(
            List.of(
                item(
                    "Neues Werk in Kiel",
                    "https://cms.example/news/kiel",
                    "Wir eröffnen im März.",
                    "https://cms.example/img/kiel.jpg")),
            "Weiterlesen");
    assertThat(html)
        .isEqualTo(
            "<div class=\"rb-cms-item\"><p><img src=\"https://cms.example/img/kiel.jpg\""
                + " alt=\"Neues Werk in Kiel\" width=\"560\" style=\"max-width: 100%; height:"
                + " auto\" /></p><h2><a href=\"https://cms.example/news/kiel\">Neues Werk in"
                + " Kiel</a></h2><p>Wir eröffnen im März.</p><p><a"
                + " href=\"https://cms.example/news/kiel\">Weiterlesen</a></p></div>");
  }

  @Test
  void textFromTheCmsIsEscapedAndCannotBecomeAPlaceholderOrMarkup() {
    String html =
        ContentBlocks.html(
            List.of(
                item(
                    "<script>alert(1)</script> {{ email }}",
                    "https://cms.example/a?x=1&y=%222%22",
                    "A & B",
                    null)),
            "Mehr");
    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("{{")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; {\u200B{\u200B email }}")
        .contains("href=\"https://cms.example/a?x=1&amp;y=%222%22\"")
        .contains("<p>A &amp; B</p>")
        .doesNotContain("<img");
  }

  @Test
  void linksAndImagesOtherThanHttpAreLeftOut() {
    String html =
        ContentBlocks.html(
            List.of(item("Titel", "javascript:alert(1)", "", "data:image/png;base64,AAAA")),
            "Mehr");
    assertThat(html).isEqualTo("<div class=\"rb-cms-item\"><h2>Titel</h2></div>");
  }

  @Test
  void aWholePageFromTheCmsHoldsNoPlaceholderEither() {
    assertThat(ContentBlocks.inert("<p>Rabatt {{ email }} und {{{x}}}</p>"))
        .isEqualTo("<p>Rabatt {\u200B{\u200B email }} und {\u200B{\u200B{\u200Bx}}}</p>")
        .doesNotContain("{{");
  }
}
