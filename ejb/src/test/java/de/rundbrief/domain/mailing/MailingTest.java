package de.rundbrief.domain.mailing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailingTest {

  private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

  private static MailingContent content(String subject) {
    return new MailingContent(
        subject,
        null,
        new SenderIdentity("Redaktion", "News@Nord.example"),
        null,
        "<p>Hallo</p>",
        "Hallo",
        false);
  }

  private final Mailing mailing = new Mailing("Herbst", "DE", content("Neues"), NOW);

  @Test
  void aNewMailingIsADraftThatChanges() {
    assertThat(mailing.getStatus()).isEqualTo(MailingStatus.DRAFT);
    assertThat(mailing.getLanguage()).isEqualTo("de");
    assertThat(mailing.getSender().address()).isEqualTo("news@nord.example");

    mailing.write(content("Neuer"), NOW.plusSeconds(60));
    mailing.target(Set.of(3L, 1L), Set.of());

    assertThat(mailing.getSubject()).isEqualTo("Neuer");
    assertThat(mailing.getListIds()).containsExactly(1L, 3L);
    assertThat(mailing.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void fromTheStartOfSendingItIsTheArchiveAndNeverChanges() {
    mailing.start(1200, "<p>Imprint</p>", NOW);

    assertThat(mailing.getStatus()).isEqualTo(MailingStatus.SENDING);
    assertThat(mailing.getRecipientCount()).isEqualTo(1200);
    assertThat(mailing.getImprintHtml()).isEqualTo("<p>Imprint</p>");
    assertThatThrownBy(() -> mailing.write(content("Anders"), NOW))
        .isInstanceOf(MailingStateException.class);
    assertThatThrownBy(() -> mailing.target(Set.of(9L), Set.of()))
        .isInstanceOf(MailingStateException.class);
    assertThatThrownBy(() -> mailing.start(1, null, NOW)).isInstanceOf(MailingStateException.class);
    assertThat(mailing.getSubject()).isEqualTo("Neues");
  }

  @Test
  void pauseResumeCancelAndFinishFollowTheLifeCycle() {
    assertThatThrownBy(mailing::pause).isInstanceOf(MailingStateException.class);
    mailing.start(10, null, NOW);
    mailing.pause();
    assertThatThrownBy(() -> mailing.finish(NOW)).isInstanceOf(MailingStateException.class);
    mailing.resume();
    mailing.finish(NOW.plusSeconds(5));
    assertThat(mailing.getStatus()).isEqualTo(MailingStatus.SENT);
    assertThat(mailing.getFinishedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThatThrownBy(() -> mailing.cancel(NOW))
        .isInstanceOf(MailingStateException.class)
        .hasMessage("A mailing that is sent cannot be cancelled");
  }

  @Test
  void scheduledForTheFutureOnlyAndBackToDraft() {
    assertThatThrownBy(() -> mailing.schedule(NOW, NOW))
        .isInstanceOf(InvalidMailingException.class);
    mailing.schedule(NOW.plusSeconds(3600), NOW);
    assertThat(mailing.getStatus()).isEqualTo(MailingStatus.SCHEDULED);
    assertThatThrownBy(() -> mailing.write(content("x"), NOW))
        .isInstanceOf(MailingStateException.class);

    mailing.unschedule();

    assertThat(mailing.getStatus()).isEqualTo(MailingStatus.DRAFT);
    assertThat(mailing.getScheduledAt()).isNull();
  }

  @Test
  void contentIsChecked() {
    for (String subject :
        new String[] {
          "Zwei\r\nBcc: x@evil.example", "Null\u0000", "Tab\tIn", "NEL\u0085", "LS\u2028"
        }) {
      assertThatThrownBy(() -> content(subject))
          .as(subject.codePoints().mapToObj(Integer::toHexString).toList().toString())
          .isInstanceOf(InvalidMailingException.class);
    }
    assertThat(content("Grüße für {{ firstName | Sie }} – 10 € Rabatt").subject())
        .isEqualTo("Grüße für {{ firstName | Sie }} – 10 € Rabatt");
    assertThatThrownBy(
            () ->
                new MailingContent(
                    "S", null, new SenderIdentity(null, "a@b.example"), null, " ", "", false))
        .isInstanceOf(InvalidMailingException.class)
        .hasMessage("A mailing needs a body");
    assertThatThrownBy(() -> new SenderIdentity("Nord\nBcc: x", "a@b.example"))
        .isInstanceOf(InvalidMailingException.class);
    assertThatThrownBy(() -> new Mailing("x", "fr", content("S"), NOW))
        .isInstanceOf(InvalidMailingException.class);
  }
}
