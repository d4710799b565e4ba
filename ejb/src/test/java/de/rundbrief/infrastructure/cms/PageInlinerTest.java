package de.rundbrief.infrastructure.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageInlinerTest {

  private static final URI PAGE = URI.create("https://cms.example/news/page.html");
  private static final URI SITE_CSS = URI.create("https://cms.example/news/css/site.css");

  private static String page;
  private static String siteCss;

  private final List<URI> requested = new ArrayList<>();

  private final PageInliner.StylesheetLoader loader =
      uri -> {
        requested.add(uri);
        if (uri.equals(SITE_CSS)) {
          return siteCss;
        }
        throw new IllegalStateException("404 " + uri);
      };

  @BeforeAll
  static void readResources() {
    page = resource("cms/page.html");
    siteCss = resource("cms/site.css");
  }

  @Test
  void classRuleBeatsElementRuleThatComesLater() {
    assertThat(style(convert(), "h1")).contains("color: #8a1538").doesNotContain("#333333");
  }

  @Test
  void laterRuleOfSameSpecificityWins() {
    assertThat(style(convert(), "p.intro"))
        .contains("color: #222222", "font-size: 18px", "font-family: Arial, sans-serif")
        .doesNotContain("#999999");
  }

  @Test
  void inlineStyleKeepsItsPropertiesOverTheStylesheet() {
    assertThat(style(convert(), "p.hinweis"))
        .isEqualTo(
            "font-family: Arial, sans-serif; line-height: 1.5; margin: 0 0 12px;"
                + " border-left: 4px solid #8a1538; color: #006400; margin-bottom: 20px");
  }

  @Test
  void importantRuleBeatsInlineStyleAndLosesItsMarker() {
    assertThat(style(convert(), "#aufruf"))
        .isEqualTo(
            "text-decoration: underline; color: #ffffff; background-color: #8a1538;"
                + " padding: 10px 16px");
  }

  @Test
  void mediaSupportsFontFaceAndKeyframesRulesAreNotApplied() {
    Document body = convert();

    assertThat(style(body, "h1")).contains("font-size: 28px").doesNotContain("20px");
    assertThat(style(body, ".teaser"))
        .contains("border: 1px solid #dddddd", "padding: 16px")
        .doesNotContain("grid", "border: 0");
    assertThat(body.html()).doesNotContain("Hausschrift", "opacity", "einblenden");
  }

  @Test
  void hoverFocusAndPseudoElementRulesAreNotApplied() {
    Document body = convert();

    assertThat(style(body, "a[href*=archiv]"))
        .isEqualTo("color: #0b5394; text-decoration: underline");
    assertThat(body.select("p").eachAttr("style"))
        .noneMatch(style -> style.contains("font-weight"));
    assertThat(body.html()).doesNotContain("#ff0000", "outline", "content:");
  }

  @Test
  void printStylesheetsAreNeitherLoadedNorApplied() {
    Document body = convert();

    assertThat(requested).containsExactly(SITE_CSS);
    assertThat(style(body, "h1")).doesNotContain("#000000", "12pt");
  }

  @Test
  void scriptsFormsFramesCommentsAndTheHeadAreRemoved() {
    String html = PageInliner.toMailBody(page, PAGE, loader);

    assertThat(html)
        .doesNotContain(
            "<script", "dataLayer", "<noscript", "tracker.example", "<form", "<input", "<iframe")
        .doesNotContain("<template", "Vorlage", "<style", "<link", "<meta", "<head", "<html")
        .doesNotContain("<title", "<!--", "Kopfbereich", "<body");
  }

  @Test
  void bodyStyleWrapsTheContent() {
    String html = PageInliner.toMailBody(page, PAGE, loader);

    assertThat(html)
        .startsWith("<div style=\"background-color: #f4f1ea; font-family: Georgia, serif\">")
        .endsWith("</div>");
  }

  @Test
  void inheritedPropertiesOfTheHtmlElementGoOnTheWrapperUnderTheBodys() {
    String html =
        "<style>html { font-family: Verdana; color: #111111; height: 100% }"
            + " body { color: #222222 }</style><p>x</p>";

    assertThat(PageInliner.toMailBody(html, PAGE, loader))
        .isEqualTo("<div style=\"font-family: Verdana; color: #222222\"><p>x</p></div>");
  }

  @Test
  void relativeImagesLinksAndBackgroundsBecomeAbsolute() {
    Document body = convert();

    Element logo = body.selectFirst("img");
    assertThat(logo.attr("src")).isEqualTo("https://cms.example/news/img/logo.png");
    assertThat(logo.hasAttr("srcset")).isFalse();
    assertThat(body.select("a").eachAttr("href"))
        .contains(
            "https://cms.example/news/",
            "https://cms.example/news/anmeldung.html",
            "https://cms.example/archiv/2024-09.html");
    assertThat(body.selectFirst("table").attr("background"))
        .isEqualTo("https://cms.example/news/img/muster.png");
  }

  @Test
  void mailtoTelAndFragmentLinksStayAsTheyAre() {
    assertThat(convert().select("a").eachAttr("href"))
        .contains("mailto:redaktion@cms.example", "tel:+49221123456", "#top");
  }

  @Test
  void urlsInAnExternalStylesheetResolveAgainstTheStylesheet() {
    Document body = convert();

    assertThat(style(body, "table.kopf"))
        .contains("background-image: url(https://cms.example/news/img/bg.png)");
    assertThat(style(body, ".teaser")).contains("url('https://cms.example/news/img/teaser.jpg')");
  }

  @Test
  void urlsInStyleBlocksAndInlineStylesResolveAgainstThePage() {
    assertThat(style(convert(), ".kopf td"))
        .isEqualTo("background: url(https://cms.example/news/img/streifen.png) repeat-x");
    assertThat(
            PageInliner.toMailBody("<p style=\"background: url('img/a.png')\">x</p>", PAGE, loader))
        .isEqualTo("<p style=\"background: url('https://cms.example/news/img/a.png')\">x</p>");
  }

  @Test
  void germanUmlautsSurvive() {
    assertThat(PageInliner.toMailBody(page, PAGE, loader))
        .contains("Herbstgrüße aus Köln", "die Häuser in der Südstadt", "im Bürgerhaus");
  }

  @Test
  void aFailingStylesheetLoaderStillGivesABody() {
    Document body =
        Jsoup.parseBodyFragment(
            PageInliner.toMailBody(
                page,
                PAGE,
                uri -> {
                  throw new UncheckedIOException(new IOException("connection refused"));
                }));

    assertThat(style(body, "h1")).contains("color: #8a1538");
    assertThat(style(body, "table.kopf")).isEmpty();
    assertThat(body.selectFirst("img").attr("src"))
        .isEqualTo("https://cms.example/news/img/logo.png");
  }

  @Test
  void selectorsJsoupCannotParseAreSkippedButTheRestOfTheListApplies() {
    Document body = convert();

    assertThat(style(body, ".teaser")).contains("border: 1px solid #dddddd");
    assertThat(body.select(".teaser p").eachAttr("style"))
        .isNotEmpty()
        .noneMatch(style -> style.contains("border"));
  }

  @Test
  void idBeatsClassesAndClassesBeatElementsWhateverTheOrder() {
    String html =
        "<style>#x { color: red } .a.b { color: green; margin: 1px } .a { margin: 2px }"
            + " div p.a { color: blue } p:first-child { padding: 3px } p { padding: 4px }</style>"
            + "<div><p id=\"x\" class=\"a b\">x</p><p class=\"a b\">y</p></div>";

    Document body = Jsoup.parseBodyFragment(PageInliner.toMailBody(html, PAGE, loader));

    assertThat(body.select("p").eachAttr("style"))
        .containsExactly(
            "padding: 3px; margin: 1px; color: red", "padding: 4px; color: green; margin: 1px");
  }

  @Test
  void importantInlineStyleBeatsImportantRule() {
    String html =
        "<style>p { color: red !important; margin: 0 !important }</style>"
            + "<p style=\"color: blue !important; margin: 5px\">x</p>";

    assertThat(PageInliner.toMailBody(html, PAGE, loader))
        .isEqualTo("<p style=\"margin: 0; color: blue\">x</p>");
  }

  @Test
  void nestedAtRulesStringsAndCommentsDoNotConfuseTheParser() {
    String html =
        "<style>@media screen { @supports (display: grid) { p { color: red } } }"
            + " /* p { color: red } */ p { color: green; font-family: \"Brace } Sans\" }"
            + " @import url(\"a;b.css\"); h1 { color: navy } .logo { background:"
            + " url(data:image/png;base64,iVBORw0KGgo=) no-repeat }</style>"
            + "<h1>T</h1><p>x</p><div class=\"logo\"></div>";

    Document body = Jsoup.parseBodyFragment(PageInliner.toMailBody(html, PAGE, loader));

    assertThat(style(body, "p")).isEqualTo("color: green; font-family: \"Brace } Sans\"");
    assertThat(style(body, "h1")).isEqualTo("color: navy");
    assertThat(style(body, ".logo"))
        .isEqualTo("background: url(data:image/png;base64,iVBORw0KGgo=) no-repeat");
  }

  @Test
  void baseHrefIsHonoured() {
    String html =
        "<html><head><base href=\"https://static.example/assets/\">"
            + "<link rel=\"stylesheet\" href=\"mail.css\"></head>"
            + "<body><img src=\"logo.png\"><a href=\"seite.html\">x</a></body></html>";

    String body = PageInliner.toMailBody(html, PAGE, loader);

    assertThat(body)
        .contains("src=\"https://static.example/assets/logo.png\"")
        .contains("href=\"https://static.example/assets/seite.html\"");
    assertThat(requested).containsExactly(URI.create("https://static.example/assets/mail.css"));
  }

  @Test
  void atMostTenStylesheetsAreLoadedAndOnlyOverHttp() {
    StringBuilder html = new StringBuilder("<link rel=\"stylesheet\" href=\"file:///etc/x.css\">");
    for (int i = 0; i < 12; i++) {
      html.append("<link rel=\"stylesheet\" href=\"css/").append(i).append(".css\">");
    }

    PageInliner.toMailBody(html + "<p>x</p>", PAGE, loader);

    assertThat(requested)
        .hasSize(PageInliner.MAX_STYLESHEETS)
        .allMatch(uri -> uri.getScheme().equals("https"));
  }

  @Test
  void messyHtmlAndBrokenCssStillConvert() {
    String html =
        "<p><b>offen <table><td>Zelle</div></span><style>p { color: red; ; : ; }} } "
            + "{ color: blue } @media { p { color: pink } h1 {{ margin: 0 </style>"
            + "<img src=\"http://[bad\"><a href=\"java script:x\">y</a>";

    String body = PageInliner.toMailBody(html, PAGE, loader);

    assertThat(body).contains("Zelle").doesNotContain("pink", "blue", "<style");
    assertThat(Jsoup.parseBodyFragment(body).selectFirst("p").attr("style"))
        .isEqualTo("color: red");
  }

  private Document convert() {
    return Jsoup.parseBodyFragment(PageInliner.toMailBody(page, PAGE, loader));
  }

  private static String style(Document body, String selector) {
    Element element = body.selectFirst(selector);
    assertThat(element).as(selector).isNotNull();
    return element.attr("style");
  }

  private static String resource(String name) {
    try (InputStream in = PageInlinerTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
