package de.rundbrief.domain.mailinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailingListTest {

  private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

  @Test
  void aPublicListCannotBeCreatedWithoutAConsentText() {
    for (String missing : new String[] {null, "", "   "}) {
      assertThatThrownBy(
              () -> new MailingList("News", null, Visibility.PUBLIC, OptInMode.DOUBLE, missing, T0))
          .isInstanceOf(ConsentTextRequiredException.class)
          .hasMessage("A public list needs a consent text");
    }
    MailingList news =
        new MailingList("News", null, Visibility.PUBLIC, OptInMode.DOUBLE, " I agree. ", T0);
    assertThat(news.getConsentText()).isEqualTo("I agree.");
    assertThat(news.getConsentTextVersion()).isEqualTo(1);
    assertThat(news.takesPublicSubscriptions()).isTrue();
  }

  @Test
  void anInternalListNeedsNoConsentTextAndTurnsPublicOnlyWithOne() {
    MailingList press =
        new MailingList("Press", null, Visibility.INTERNAL, OptInMode.SINGLE, null, T0);
    assertThat(press.getConsentTextVersion()).isZero();
    assertThat(press.takesPublicSubscriptions()).isFalse();

    assertThatThrownBy(() -> press.changeAccess(Visibility.PUBLIC, OptInMode.DOUBLE, " "))
        .isInstanceOf(ConsentTextRequiredException.class);
    assertThat(press.getVisibility()).as("nothing changed").isEqualTo(Visibility.INTERNAL);
    assertThat(press.getOptInMode()).isEqualTo(OptInMode.SINGLE);
    assertThat(press.getConsentTextVersion()).isZero();

    assertThat(press.changeAccess(Visibility.PUBLIC, OptInMode.DOUBLE, "I agree.")).isTrue();
    assertThat(press.getVisibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(press.getOptInMode()).isEqualTo(OptInMode.DOUBLE);
    assertThat(press.getConsentTextVersion()).isEqualTo(1);
    assertThat(press.takesPublicSubscriptions()).isTrue();
  }

  @Test
  void aPublicListKeepsItsConsentTextUntilItTurnsInternal() {
    MailingList news =
        new MailingList("News", null, Visibility.PUBLIC, OptInMode.DOUBLE, "I agree.", T0);

    assertThatThrownBy(() -> news.changeConsentText(null))
        .isInstanceOf(ConsentTextRequiredException.class);
    assertThatThrownBy(() -> news.changeAccess(Visibility.PUBLIC, OptInMode.SINGLE, ""))
        .isInstanceOf(ConsentTextRequiredException.class);
    assertThat(news.getConsentText()).isEqualTo("I agree.");
    assertThat(news.getOptInMode()).isEqualTo(OptInMode.DOUBLE);
    assertThat(news.getConsentTextVersion()).isEqualTo(1);

    assertThat(news.changeAccess(Visibility.INTERNAL, OptInMode.DOUBLE, null)).isTrue();
    assertThat(news.getConsentText()).isNull();
    assertThat(news.getConsentTextVersion()).isEqualTo(2);
    assertThat(news.takesPublicSubscriptions()).isFalse();
  }
}
