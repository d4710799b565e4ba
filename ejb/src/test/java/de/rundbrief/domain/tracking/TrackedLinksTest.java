package de.rundbrief.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackedLinksTest {

  private static final TrackedLinks.LinkRewriter NUMBERED =
      (index, url) -> "https://t.example/c/" + index;

  @Test
  void findsWebLinksInDocumentOrderKeepingDuplicates() {
    String html =
        "<p><a href=\"https://example.com/b\">B</a> <a href=\"http://example.com/a\">A</a>"
            + " <a href=\"https://example.com/b\">B again</a></p>";

    assertThat(TrackedLinks.links(html))
        .containsExactly("https://example.com/b", "http://example.com/a", "https://example.com/b");
  }

  @Test
  void decodesCharacterReferencesInTheUrl() {
    String html =
        "<a href=\"https://example.com/?a=1&amp;b=2&#38;c&#61;3&quot;&#x27;&unknown;\">x</a>";

    assertThat(TrackedLinks.links(html))
        .containsExactly("https://example.com/?a=1&b=2&c=3\"'&unknown;");
  }

  @Test
  void rewritesWithIndexAndDecodedUrlAndEscapesTheResult() {
    String html =
        "<a href=\"https://example.com/?a=1&amp;b=2\">x</a><a href=\"https://e.org\">y</a>";
    List<String> seen = new ArrayList<>();

    String rewritten =
        TrackedLinks.rewrite(
            html,
            (index, url) -> {
              seen.add(index + " " + url);
              return "https://t.example/c?i=" + index + "&u=\"" + url + "\"";
            });

    assertThat(seen).containsExactly("0 https://example.com/?a=1&b=2", "1 https://e.org");
    assertThat(rewritten)
        .isEqualTo(
            "<a href=\"https://t.example/c?i=0&amp;u=&quot;https://example.com/?a=1&amp;b=2&quot;\">x</a>"
                + "<a href=\"https://t.example/c?i=1&amp;u=&quot;https://e.org&quot;\">y</a>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mailto:info@example.com",
        "tel:+49301234567",
        "#top",
        "/relative/path",
        "relative.html",
        "//example.com/protocol-relative",
        "javascript:alert(1)",
        "ftp://example.com/file",
        "https://",
        ""
      })
  void leavesOtherLinksAlone(String href) {
    String html = "<p><a href=\"" + href + "\">x</a></p>";

    assertThat(TrackedLinks.links(html)).isEmpty();
    assertThat(TrackedLinks.rewrite(html, NUMBERED)).isEqualTo(html);
  }

  @Test
  void leavesLinksMarkedNotrackAloneAndDoesNotCountThem() {
    String html =
        "<a data-rb-notrack href=\"https://example.com/imprint\">Imprint</a>"
            + "<a href=\"https://example.com/unsubscribe\" DATA-RB-NOTRACK=\"yes\">Off</a>"
            + "<a href=\"https://example.com/article\">Read</a>";

    assertThat(TrackedLinks.links(html)).containsExactly("https://example.com/article");
    assertThat(TrackedLinks.rewrite(html, NUMBERED))
        .isEqualTo(
            "<a data-rb-notrack href=\"https://example.com/imprint\">Imprint</a>"
                + "<a href=\"https://example.com/unsubscribe\" DATA-RB-NOTRACK=\"yes\">Off</a>"
                + "<a href=\"https://t.example/c/0\">Read</a>");
  }

  @Test
  void readsUpperCaseTagsSingleQuotesSpacesAndUnquotedValues() {
    String html =
        "<A HREF='https://example.com/upper'>1</A>"
            + "<a\n  class=\"btn\"  href = \"https://example.com/spaced\"\ntarget=\"_blank\">2</a>"
            + "<a title='a > b' href=https://example.com/bare rel=\"noopener\">3</a>";

    assertThat(TrackedLinks.links(html))
        .containsExactly(
            "https://example.com/upper", "https://example.com/spaced", "https://example.com/bare");
    assertThat(TrackedLinks.rewrite(html, (index, url) -> "https://t.example/c/" + index + "'"))
        .isEqualTo(
            "<A HREF='https://t.example/c/0&#39;'>1</A>"
                + "<a\n  class=\"btn\"  href = \"https://t.example/c/1'\"\ntarget=\"_blank\">2</a>"
                + "<a title='a > b' href=\"https://t.example/c/2'\" rel=\"noopener\">3</a>");
  }

  @Test
  void keepsTheAttributesAroundTheHref() {
    String html =
        "<a class=\"cta\" href=\"https://example.com/x\" target=\"_blank\" rel=\"noopener noreferrer\">Go</a>";

    assertThat(TrackedLinks.rewrite(html, NUMBERED))
        .isEqualTo(
            "<a class=\"cta\" href=\"https://t.example/c/0\" target=\"_blank\" rel=\"noopener noreferrer\">Go</a>");
  }

  @Test
  void aNullFromTheRewriterKeepsThatLinkButTheNextOneStillCounts() {
    String html =
        "<a href=\"https://example.com/a?x=1&amp;y=2\">A</a><a href=\"https://example.com/b\">B</a>";

    String rewritten =
        TrackedLinks.rewrite(html, (index, url) -> index == 0 ? null : "https://t/1");

    assertThat(rewritten)
        .isEqualTo(
            "<a href=\"https://example.com/a?x=1&amp;y=2\">A</a><a href=\"https://t/1\">B</a>");
  }

  @Test
  void returnsTheSameHtmlWhenNothingIsRewritten() {
    String html = "<p>No links here, <b>only</b> text &amp; an <abbr>abbr</abbr>.</p>";

    assertThat(TrackedLinks.rewrite(html, NUMBERED)).isSameAs(html);
  }

  @Test
  void ignoresOtherTagsStartingWithAAndLinksInComments() {
    String html =
        "<abbr href=\"https://example.com/abbr\">x</abbr><area href=\"https://example.com/area\">"
            + "<!-- <a href=\"https://example.com/comment\">c</a> -->"
            + "{<!-- -->{ <a href=\"https://example.com/real\">r</a>";

    assertThat(TrackedLinks.links(html)).containsExactly("https://example.com/real");
  }

  @Test
  void usesTheFirstHrefOfATag() {
    String html = "<a href=\"https://example.com/first\" href=\"https://example.com/second\">x</a>";

    assertThat(TrackedLinks.links(html)).containsExactly("https://example.com/first");
    assertThat(TrackedLinks.rewrite(html, NUMBERED))
        .isEqualTo("<a href=\"https://t.example/c/0\" href=\"https://example.com/second\">x</a>");
  }

  @Test
  void stopsSafelyAtAnUnterminatedTag() {
    String html = "<a href=\"https://example.com/ok\">ok</a><a href=\"https://example.com/open";

    assertThat(TrackedLinks.links(html)).containsExactly("https://example.com/ok");
    assertThat(TrackedLinks.rewrite(html, NUMBERED))
        .isEqualTo("<a href=\"https://t.example/c/0\">ok</a><a href=\"https://example.com/open");
  }

  @Test
  void rewritesFiftyLinksInATwentyKilobyteBodyAndLeavesTheRestByteForByte() {
    StringBuilder html = new StringBuilder("<html><body><table role=\"presentation\">");
    StringBuilder expected = new StringBuilder(html);
    for (int i = 0; i < 50; i++) {
      String text =
          "<tr><td style=\"padding:8px;color:#333\"><p>Absatz "
              + i
              + ": Umlaute äöü ß, Zeichen &lt;&gt;&amp; € und Text, der nicht verändert werden darf."
              + " Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor"
              + " incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.</p>";
      String link = "https://example.com/artikel/" + (i % 10) + "?utm_source=rb&amp;n=" + i;
      String rest = " rel=\"noopener noreferrer\" target=\"_blank\">Weiterlesen</a></td></tr>";
      html.append(text).append("<a href=\"").append(link).append('"').append(rest);
      expected
          .append(text)
          .append("<a href=\"https://t.example/c/")
          .append(i)
          .append("?u=https://example.com/artikel/")
          .append(i % 10)
          .append("?utm_source=rb&amp;n=")
          .append(i)
          .append('"')
          .append(rest);
    }
    html.append("</table></body></html>");
    expected.append("</table></body></html>");
    assertThat(html.length()).isGreaterThan(20_000);

    String rewritten =
        TrackedLinks.rewrite(
            html.toString(), (index, url) -> "https://t.example/c/" + index + "?u=" + url);

    assertThat(TrackedLinks.links(html.toString())).hasSize(50);
    assertThat(TrackedLinks.links(html.toString()).get(7))
        .isEqualTo("https://example.com/artikel/7?utm_source=rb&n=7");
    assertThat(rewritten).isEqualTo(expected.toString());
  }

  @Test
  void theTextPartsAddressesCountAsTheHtmlsLinksOfTheSameAddress() {
    List<String> html =
        List.of("https://nord.example/angebot?k=1&b=2", "https://nord.example/blog");
    String text =
        "Angebot (https://nord.example/angebot?k=1&b=2)\n\nZum Blog: https://nord.example/blog."
            + " Mehr unter https://nord.example/other, oder HTTPS://nord.example/blog!";

    String rewritten = TrackedLinks.rewriteText(text, html, NUMBERED);

    assertThat(rewritten)
        .isEqualTo(
            "Angebot (https://t.example/c/0)\n\nZum Blog: https://t.example/c/1."
                + " Mehr unter https://nord.example/other, oder HTTPS://nord.example/blog!");
  }

  @Test
  void anAddressKeepsItsOwnBracketsAndEndsAtWhiteSpaceOrAngleBrackets() {
    List<String> html =
        List.of("https://de.wikipedia.org/wiki/Rundbrief_(Begriff)", "https://e.org/a");

    assertThat(
            TrackedLinks.rewriteText(
                "Siehe https://de.wikipedia.org/wiki/Rundbrief_(Begriff). Und <https://e.org/a>",
                html,
                NUMBERED))
        .isEqualTo("Siehe https://t.example/c/0. Und <https://t.example/c/1>");
  }

  @Test
  void textWithoutTrackedAddressesComesBackUnchanged() {
    String text = "Kein Link hier, nur shttps://x und http:/kaputt und mailto:a@b.example";

    assertThat(TrackedLinks.rewriteText(text, List.of("https://x"), NUMBERED)).isSameAs(text);
    assertThat(
            TrackedLinks.rewriteText(
                "https://e.org/a", List.of("https://e.org/a"), (index, url) -> null))
        .isEqualTo("https://e.org/a");
  }

  @Test
  void aLinkWhoseWholeAddressIsAPlaceholderStaysUntrackedAndTheOthersKeepTheirTemplateIndex() {
    String template =
        "<a href=\"{{ field.url }}\">Ihr Link</a> <a href=\"https://nord.example/a\">A</a>"
            + " <a href=\"mailto:x@nord.example\">Post</a>"
            + " <a href=\"https://nord.example/b?k={{ field.k }}\">B</a>";
    String personal =
        "<a href=\"https://kunde.example/profil\">Ihr Link</a> <a href=\"https://nord.example/a\">A</a>"
            + " <a href=\"mailto:x@nord.example\">Post</a>"
            + " <a href=\"https://nord.example/b?k=7\">B</a>";
    List<String> seen = new ArrayList<>();

    String rewritten =
        TrackedLinks.rewrite(
            personal,
            TrackedLinks.template(template),
            (index, url) -> {
              seen.add(index + " " + url);
              return "https://t.example/c/" + index;
            });

    assertThat(TrackedLinks.links(template))
        .containsExactly("https://nord.example/a", "https://nord.example/b?k={{ field.k }}");
    assertThat(seen).containsExactly("0 https://nord.example/a", "1 https://nord.example/b?k=7");
    assertThat(rewritten)
        .contains("href=\"https://kunde.example/profil\"")
        .contains("href=\"https://t.example/c/0\">A")
        .contains("href=\"https://t.example/c/1\">B");
    assertThat(TrackedLinks.rewrite(personal, NUMBERED))
        .as("without the template the filled-in link would take index 0 and shift the others")
        .contains("href=\"https://t.example/c/2\">B");
  }
}
