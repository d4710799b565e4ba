package de.rundbrief.web.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportColumnGuessTest {

  @Test
  void vornameAndNameAreFirstAndLastNameNeverTheFirstNameTwice() {
    assertThat(ImportColumnGuess.of(List.of("E-Mail", "Vorname", "Name")))
        .isEqualTo(new ImportColumnGuess("E-Mail", "Vorname", "Name"));
  }

  @Test
  void exactHeadersWinOverHeadersThatOnlyContainAHint() {
    assertThat(
            ImportColumnGuess.of(
                List.of("Name der Firma", "Nachname", "Vorname", "E-Mail-Kontakt", "email")))
        .isEqualTo(new ImportColumnGuess("email", "Vorname", "Nachname"));
  }

  @Test
  void englishAndTechnicalSpellings() {
    assertThat(ImportColumnGuess.of(List.of("first_name", "LAST NAME", "Email Address")))
        .isEqualTo(new ImportColumnGuess("Email Address", "first_name", "LAST NAME"));
    assertThat(ImportColumnGuess.of(List.of("mail", "Given name", "Surname")))
        .isEqualTo(new ImportColumnGuess("mail", "Given name", "Surname"));
  }

  @Test
  void aColumnIsGuessedForOnePurposeAtMostAndNothingIsGuessedWithoutAHint() {
    assertThat(ImportColumnGuess.of(List.of("Name")))
        .as("a lone name may be the whole name: left for staff to map")
        .isEqualTo(new ImportColumnGuess(null, null, null));
    assertThat(ImportColumnGuess.of(List.of("Kunde", "Ort")))
        .isEqualTo(new ImportColumnGuess(null, null, null));
    assertThat(ImportColumnGuess.of(List.of("Vorname", "Vorname (Rufname)")))
        .isEqualTo(new ImportColumnGuess(null, "Vorname", null));
  }
}
