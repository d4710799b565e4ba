package de.rundbrief.infrastructure.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailTextTest {

  @Test
  void htmlEscapesTheFiveSpecialCharacters() {
    assertThat(MailText.html("Ada <b> & \"Bob\" 's"))
        .isEqualTo("Ada &lt;b&gt; &amp; &quot;Bob&quot; &#39;s");
    assertThat(MailText.html("M\u00fcller & S\u00f6hne")).isEqualTo("M\u00fcller &amp; S\u00f6hne");
    assertThat(MailText.html(null)).isEmpty();
  }

  @Test
  void textWithNothingToEscapeIsTakenAsItIs() {
    String name = "Vorname123 Nachname";

    assertThat(MailText.html(name)).isSameAs(name);
  }
}
