package de.rundbrief.domain.mailinglist;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

  private final Subscriber anna =
      new Subscriber(EmailAddress.of("anna@example.org"), "Anna", null, T0);
  private final MailingList doubleOptIn =
      new MailingList("News", null, Visibility.PUBLIC, OptInMode.DOUBLE, "I agree.", T0);
  private final MailingList singleOptIn =
      new MailingList("Offers", null, Visibility.PUBLIC, OptInMode.SINGLE, "I agree.", T0);

  @Test
  void aDoubleOptInSubscriptionWaitsForConfirmationAndReceivesNothingUntilThen() {
    Subscription subscription = new Subscription(anna, doubleOptIn, T0);

    assertThat(subscription.getStatus()).isEqualTo(SubscriptionStatus.PENDING);
    assertThat(subscription.receivesNewsletters()).isFalse();
    assertThat(subscription.getSubscribedAt()).isNull();
  }

  @Test
  void aSingleOptInSubscriptionStartsAtOnce() {
    Subscription subscription = new Subscription(anna, singleOptIn, T0);

    assertThat(subscription.getStatus()).isEqualTo(SubscriptionStatus.SUBSCRIBED);
    assertThat(subscription.getSubscribedAt()).isEqualTo(T0);
  }

  @Test
  void confirmingTwiceChangesNothingTheSecondTime() {
    Subscription subscription = new Subscription(anna, doubleOptIn, T0);

    assertThat(subscription.confirm(T0.plusSeconds(60))).isTrue();
    assertThat(subscription.confirm(T0.plusSeconds(120))).isFalse();

    assertThat(subscription.getStatus()).isEqualTo(SubscriptionStatus.SUBSCRIBED);
    assertThat(subscription.getSubscribedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void anOldConfirmationLinkDoesNotBringBackSomeoneWhoLeft() {
    Subscription subscription = new Subscription(anna, doubleOptIn, T0);
    subscription.unsubscribe(T0.plusSeconds(10));

    assertThat(subscription.confirm(T0.plusSeconds(20))).isFalse();
    assertThat(subscription.getStatus()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
  }

  @Test
  void unsubscribingTwiceRecordsOnlyTheFirstTime() {
    Subscription subscription = new Subscription(anna, singleOptIn, T0);

    assertThat(subscription.unsubscribe(T0.plusSeconds(5))).isTrue();
    assertThat(subscription.unsubscribe(T0.plusSeconds(9))).isFalse();
    assertThat(subscription.getUnsubscribedAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void askingAgainWhilePendingDoesNotMailAgainBeforeTheWaitIsOver() {
    Subscription subscription = new Subscription(anna, doubleOptIn, T0);
    Duration wait = Duration.ofMinutes(10);
    assertThat(subscription.awaitsConfirmationMail(T0, wait)).isTrue();
    subscription.confirmationMailSent(T0);

    assertThat(subscription.requestAgain(true, T0.plusSeconds(30))).isTrue();
    assertThat(subscription.awaitsConfirmationMail(T0.plusSeconds(30), wait)).isFalse();
    assertThat(subscription.awaitsConfirmationMail(T0.plus(wait), wait)).isTrue();
  }

  @Test
  void aSubscribedMemberAskingAgainStaysAsItIs() {
    Subscription subscription = new Subscription(anna, singleOptIn, T0);

    assertThat(subscription.requestAgain(true, T0.plusSeconds(30))).isFalse();
    assertThat(subscription.getStatus()).isEqualTo(SubscriptionStatus.SUBSCRIBED);
  }

  @Test
  void someoneWhoLeftStartsOverWhenAskingAgain() {
    Subscription subscription = new Subscription(anna, doubleOptIn, T0);
    subscription.confirm(T0);
    subscription.unsubscribe(T0.plusSeconds(10));

    assertThat(subscription.requestAgain(true, T0.plusSeconds(20))).isTrue();

    assertThat(subscription.getStatus()).isEqualTo(SubscriptionStatus.PENDING);
    assertThat(subscription.getUnsubscribedAt()).isNull();
    assertThat(subscription.awaitsConfirmationMail(T0.plusSeconds(20), Duration.ofMinutes(10)))
        .isTrue();
  }

  @Test
  void everyChangeOfTheConsentTextIsANewVersion() {
    MailingList list =
        new MailingList("Press", null, Visibility.INTERNAL, OptInMode.DOUBLE, null, T0);
    assertThat(list.getConsentTextVersion()).isZero();

    assertThat(list.changeConsentText("I agree.")).isTrue();
    assertThat(list.changeConsentText("  I agree.  ")).isFalse();
    assertThat(list.changeConsentText("I agree to the press mails.")).isTrue();

    assertThat(list.getConsentTextVersion()).isEqualTo(2);
    assertThat(list.getConsentText()).isEqualTo("I agree to the press mails.");
  }
}
