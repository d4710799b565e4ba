package de.rundbrief.domain.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @Test
  void normalisesCaseAndSurroundingSpace() {
    assertThat(EmailAddress.of("  Anna.Muster@Example.COM ").value())
        .isEqualTo("anna.muster@example.com");
  }

  @Test
  void twoSpellingsOfOneMailboxAreEqual() {
    assertThat(EmailAddress.of("A@b.de")).isEqualTo(EmailAddress.of("a@B.DE"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "a@b",
        "@b.de",
        "a@@b.de",
        "a b@c.de",
        "a..b@c.de",
        ".a@c.de",
        "a.@c.de",
        "a@-b.de"
      })
  void rejectsWhatIsNoAddress(String text) {
    assertThatThrownBy(() -> EmailAddress.of(text))
        .isInstanceOf(InvalidEmailAddressException.class)
        .hasMessageContaining("not a valid e-mail address");
  }

  @Test
  void rejectsAddressesLongerThanTheStandardAllows() {
    String local = "a".repeat(64);
    String domain = ("b".repeat(60) + ".").repeat(4) + "de";
    assertThatThrownBy(() -> EmailAddress.of(local + "@" + domain))
        .isInstanceOf(InvalidEmailAddressException.class);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> EmailAddress.of(null))
        .isInstanceOf(InvalidEmailAddressException.class);
  }
}
