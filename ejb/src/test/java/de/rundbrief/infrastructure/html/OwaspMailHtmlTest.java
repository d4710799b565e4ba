package de.rundbrief.infrastructure.html;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.cms.CmsItem;
import de.rundbrief.domain.cms.ContentBlocks;
import de.rundbrief.domain.mailing.Personalisation;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwaspMailHtmlTest {

  private final OwaspMailHtml html = new OwaspMailHtml();

  @Test
  void removesScriptsEventHandlersAndJavascriptLinks() {
    String clean =
        html.sanitise(
            "<p onclick=\"steal()\">Hi<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">x</a><iframe src=\"https://e.com\"></iframe>"
                + "<form action=\"https://e.com\"><input name=a></form>");

    assertThat(clean)
        .contains("<p>Hi</p>")
        .doesNotContain("script", "onclick", "javascript", "iframe", "form", "input");
  }

  @Test
  void keepsMailLayoutImagesLinksAndInlineStyles() {
    String clean =
        html.sanitise(
            "<table width=\"600\" cellpadding=\"0\"><tr><td align=\"center\" style=\"color:#333333\">"
                + "<img src=\"https://cdn.example.com/logo.png\" alt=\"Logo\" width=\"120\">"
                + "<a href=\"https://example.com/a\">Mehr</a></td></tr></table>");

    assertThat(clean)
        .contains("<table width=\"600\" cellpadding=\"0\">")
        .contains("align=\"center\"")
        .contains("color:#333333")
        .contains("src=\"https://cdn.example.com/logo.png\"")
        .contains("href=\"https://example.com/a\"");
  }

  @Test
  void placeholdersSurviveInTextAndLinks() {
    String clean =
        html.sanitise(
            "<p>Hallo {{ firstName | Leserin }}</p>"
                + "<a href=\"https://example.com/?e={{email}}\">Profil</a>");

    assertThat(clean)
        .contains("Hallo {{ firstName | Leserin }}")
        // '=' encoded as a character reference, which every client reads as '='
        .contains("href=\"https://example.com/?e&#61;{{email}}\"");
  }

  @Test
  void placeholdersBrokenUpByAnEarlierSanitiserPassAreWholeAgain() {
    String once = html.sanitise("<p>Hallo {{ firstName | Leserin }}</p>");
    String twice = html.sanitise(once.replace("{{", "{<!-- -->{"));

    assertThat(twice).isEqualTo("<p>Hallo {{ firstName | Leserin }}</p>");
    assertThat(html.sanitise("<p>{{ not a placeholder</p>")).doesNotContain("{{");
  }

  @Test
  void plainTextKeepsParagraphsListsAndLinkTargets() {
    String text =
        html.plainText(
            "<h1>Neuigkeiten</h1><p>Hallo&nbsp;Ada,<br>heute &amp; morgen:</p>"
                + "<ul><li>Eins</li><li>Zwei</li></ul>"
                + "<p><a href=\"https://example.com/x\">Mehr lesen</a></p><script>x()</script>");

    assertThat(text)
        .isEqualTo(
            "Neuigkeiten\n\nHallo\u00a0Ada,\nheute & morgen:\n\n- Eins\n- Zwei\n\n"
                + "Mehr lesen (https://example.com/x)");
  }

  @Test
  void bracesFromTheCmsNeverBecomeAPlaceholderNotEvenAfterSavingTwice() {
    String blocks =
        ContentBlocks.html(
            List.of(
                new CmsItem(
                    "1",
                    "Rabatt {{ email }} und {{{ field.x }}}",
                    URI.create("https://cms.example/a"),
                    null,
                    "{{firstName}}",
                    null,
                    "")),
            "Mehr");
    String twice = html.sanitise(html.sanitise(blocks));
    assertThat(Personalisation.PLACEHOLDER.matcher(twice).find()).as(twice).isFalse();
    assertThat(html.plainText(twice).replace("\u200B", ""))
        .contains("Rabatt {{ email }} und {{{ field.x }}}")
        .contains("{{firstName}}");
  }
}
