package de.rundbrief.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.consent.ConsentEvent;
import de.rundbrief.domain.consent.ConsentEventType;
import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.consent.SuppressionReason;
import de.rundbrief.domain.mailinglist.ConsentTextRequiredException;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.OptInMode;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.Visibility;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Consent records and the suppression list through their repositories on PostgreSQL. */
class ConsentPersistenceTest {

  private static final String A = "consent-a";
  private static final String B = "consent-b";
  private static final Instant AT = Instant.parse("2026-11-28T08:00:00Z");

  private static Jpa jpa;

  @BeforeAll
  static void twoTenants() {
    for (String tenant : List.of(A, B)) {
      Sql.update(
          PostgresDatabase.get().owner(),
          "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
              + " VALUES (?, ?, 'ACTIVE', now(), 1)",
          tenant,
          "Tenant " + tenant);
    }
    jpa = new Jpa(PostgresDatabase.get().app());
  }

  @AfterAll
  static void close() {
    jpa.close();
  }

  @Test
  void aNewSubscriberAndItsFirstConsentEventAreWrittenInOneTransaction() {
    long subscriberId =
        jpa.inTenant(
            A,
            em -> {
              Subscriber vera =
                  new Subscriber(EmailAddress.of("vera@consent.example"), "Vera", null, AT);
              MailingList news =
                  new MailingList(
                      "News", null, Visibility.PUBLIC, OptInMode.DOUBLE, "I agree.", AT);
              em.persist(vera);
              em.persist(news);
              Subscription subscription = new Subscription(vera, news, AT);
              em.persist(subscription);
              new JpaConsentLog(em)
                  .record(
                      ConsentEvent.requested(
                          subscription, ConsentSource.HOSTED_FORM, AT, "198.51.100.7"));
              return vera.getId();
            });

    List<ConsentEvent> history = jpa.inTenant(A, em -> new JpaConsentLog(em).history(subscriberId));
    assertThat(history).hasSize(1);
    ConsentEvent event = history.get(0);
    assertThat(event.getType()).isEqualTo(ConsentEventType.REQUESTED);
    assertThat(event.getListName()).isEqualTo("News");
    assertThat(event.getIpAddress()).isEqualTo("198.51.100.7");
    assertThat(event.getConsentTextVersion()).isEqualTo(1);
    assertThat(event.getConsentText()).isEqualTo("I agree.");
    assertThat(event.getOccurredAt()).isEqualTo(AT);
    List<ConsentEvent> seenFromB =
        jpa.inTenant(B, em -> new JpaConsentLog(em).history(subscriberId));
    assertThat(seenFromB).as("another tenant sees none of it").isEmpty();
  }

  @Test
  void aPublicListStoredWithoutAConsentTextTakesNoPublicSubscriptionsAndNoneLosesItsText() {
    long textless =
        Long.parseLong(
            Sql.column(PostgresDatabase.get().superuser(), "SELECT nextval('mailing_list_seq')")
                .get(0));
    Sql.update(
        PostgresDatabase.get().superuser(),
        "INSERT INTO mailing_list (id, tenant_id, name, visibility, opt_in_mode, created_at,"
            + " version, consent_text_version) VALUES (?, ?, 'Older', 'PUBLIC', 'DOUBLE', now(),"
            + " 1, 0)",
        textless,
        A);
    long withText =
        jpa.inTenant(
            A,
            em -> {
              MailingList news =
                  new MailingList(
                      "Current", null, Visibility.PUBLIC, OptInMode.DOUBLE, "I agree.", AT);
              new JpaMailingListRepository(em).add(news);
              return news.getId();
            });

    MailingList older =
        jpa.inTenant(A, em -> new JpaMailingListRepository(em).find(textless)).orElseThrow();
    assertThat(older.isPublic()).isTrue();
    assertThat(older.takesPublicSubscriptions()).isFalse();
    MailingList current =
        jpa.inTenant(A, em -> new JpaMailingListRepository(em).find(withText)).orElseThrow();
    assertThat(current.takesPublicSubscriptions()).isTrue();
    assertThat(current.getConsentTextVersion()).isEqualTo(1);
    Optional<MailingList> withTextFromB =
        jpa.inTenant(B, em -> new JpaMailingListRepository(em).find(withText));
    Optional<MailingList> textlessFromB =
        jpa.inTenant(B, em -> new JpaMailingListRepository(em).find(textless));
    assertThat(withTextFromB).as("another tenant finds neither").isEmpty();
    assertThat(textlessFromB).isEmpty();

    assertThatThrownBy(
            () ->
                jpa.inTenant(
                    A,
                    em ->
                        new JpaMailingListRepository(em)
                            .find(withText)
                            .orElseThrow()
                            .changeConsentText(" ")))
        .isInstanceOf(ConsentTextRequiredException.class);
    assertThat(
            Sql.column(
                PostgresDatabase.get().superuser(),
                "SELECT consent_text || ' v' || consent_text_version FROM mailing_list WHERE id = "
                    + withText))
        .containsExactly("I agree. v1");
  }

  @Test
  void theSuppressionListKeepsOnlyAHashThatDiffersPerTenant() {
    EmailAddress erased = EmailAddress.of("erased@consent.example");
    jpa.inTenant(A, em -> run(() -> suppression(em).add(erased, SuppressionReason.ERASED)));

    assertThat(suppressed(A, erased)).isTrue();
    assertThat(suppressed(B, erased)).isFalse();
    jpa.inTenant(B, em -> run(() -> suppression(em).add(erased, SuppressionReason.ERASED)));
    List<String> hashes =
        jpa.<List<String>>acrossTenants(
            A + "," + B,
            em ->
                em
                    .createNativeQuery(
                        "SELECT address_hash FROM suppressed_address WHERE tenant_id IN (?1, ?2)")
                    .setParameter(1, A)
                    .setParameter(2, B)
                    .getResultList()
                    .stream()
                    .map(String::valueOf)
                    .toList());
    assertThat(hashes).hasSize(2).doesNotHaveDuplicates();
    assertThat(hashes).allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
    assertThat(String.join(",", hashes)).doesNotContain("erased");

    jpa.inTenant(A, em -> run(() -> suppression(em).remove(erased)));
    assertThat(suppressed(A, erased)).isFalse();
    assertThat(suppressed(B, erased)).isTrue();
  }

  private static boolean suppressed(String tenant, EmailAddress address) {
    Boolean found = jpa.inTenant(tenant, em -> suppression(em).contains(address));
    return found;
  }

  private static JpaSuppressionList suppression(EntityManager em) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 3);
    return new JpaSuppressionList(em, key, Clock.systemUTC());
  }

  private static Object run(Runnable work) {
    work.run();
    return null;
  }
}
