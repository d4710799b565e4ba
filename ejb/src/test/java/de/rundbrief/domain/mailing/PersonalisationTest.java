package de.rundbrief.domain.mailing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PersonalisationTest {

  private static final UnaryOperator<String> HTML =
      s -> s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");

  @Test
  void fillsValuesAndFallbacks() {
    Personalisation greeting =
        Personalisation.parse("Hallo {{ firstName | Leserin }}, {{field.company|Ihre Firma}}!");

    assertThat(greeting.render(Map.of("firstName", "Ada")::get, UnaryOperator.identity()))
        .isEqualTo("Hallo Ada, Ihre Firma!");
    assertThat(
            greeting.render(
                Map.of("firstName", " ", "field.company", "ACME")::get, UnaryOperator.identity()))
        .isEqualTo("Hallo Leserin, ACME!");
  }

  @Test
  void piecesGoToATargetWithTheTemplatesTextNumberedAndWhatWasFilledIn() {
    Personalisation body = Personalisation.parse("<p>{{ firstName | Hallo }} & {{ email }}</p>");
    java.util.List<String> pieces = new java.util.ArrayList<>();

    body.render(
        Map.of("firstName", "<Ada>")::get,
        HTML,
        new Personalisation.Target() {
          @Override
          public void literal(int index, String text) {
            pieces.add(index + ":" + text);
          }

          @Override
          public void filled(String text) {
            pieces.add("=" + text);
          }
        });

    assertThat(pieces).containsExactly("0:<p>", "=&lt;Ada&gt;", "2: & ", "=", "4:</p>");
    assertThat(String.join("", pieces).replaceAll("\\d:|=", ""))
        .isEqualTo(body.render(Map.of("firstName", "<Ada>")::get, HTML));
  }

  @Test
  void escapesValuesButNotTheAuthorsFallback() {
    Personalisation body = Personalisation.parse("<p>{{ firstName | <b>Hallo</b> }}</p>");

    assertThat(body.render(Map.of("firstName", "<script>x</script>")::get, HTML))
        .isEqualTo("<p>&lt;script&gt;x&lt;/script&gt;</p>");
    assertThat(body.render(Map.<String, String>of()::get, HTML)).isEqualTo("<p><b>Hallo</b></p>");
  }

  @Test
  void placeholderWithoutFallbackBecomesEmpty() {
    assertThat(Personalisation.parse("a{{email}}b").render(n -> null, UnaryOperator.identity()))
        .isEqualTo("ab");
  }

  @Test
  void textWithoutPlaceholdersStaysAsItIs() {
    assertThat(Personalisation.parse("{ not } {{ }} plain").render(n -> "x", HTML))
        .isEqualTo("{ not } {{ }} plain");
  }

  @Test
  void namesAndFieldKeysInOrderOfUse() {
    Personalisation text =
        Personalisation.parse("{{field.b}} {{firstName}} {{ field.a }} {{field.b|x}}");

    assertThat(text.names()).containsExactly("field.b", "firstName", "field.a");
    assertThat(text.fieldKeys()).containsExactly("b", "a");
  }

  @Test
  void checkNamesEveryUnknownPlaceholder() {
    assertThatThrownBy(
            () ->
                Personalisation.check(
                    Set.of("company"),
                    "Hallo {{ firstname }}",
                    "<p>{{field.company}} {{field.city}} {{ lastName }}</p>"))
        .isInstanceOf(InvalidMailingException.class)
        .hasMessageContaining("field.city, firstname")
        .hasMessageNotContaining("field.company");
  }

  @Test
  void checkRefusesBracesThatBelongToNoPlaceholder() {
    for (String broken :
        new String[] {"Hallo {{firstName}", "<p>{{ first name }}</p>", "{{ }}", "Ende }}"}) {
      assertThatThrownBy(() -> Personalisation.check(Set.of(), "Betreff", broken))
          .as(broken)
          .isInstanceOf(InvalidMailingException.class)
          .hasMessageContaining("outside one");
    }
    Personalisation.check(Set.of(), "{ einfache Klammern } {{ firstName | Leser }}", null);
  }

  @Test
  void checkAcceptsBuiltInNamesAndTheTenantsFields() {
    Personalisation.check(
        Set.of("company"), "{{firstName}} {{lastName}} {{email}} {{ field.company | - }}");
  }
}
