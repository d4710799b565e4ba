package de.rundbrief.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeType;
import de.rundbrief.domain.attribute.AttributeValue;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingContent;
import de.rundbrief.domain.mailing.MailingProgress;
import de.rundbrief.domain.mailing.MailingTemplate;
import de.rundbrief.domain.mailing.Recipient;
import de.rundbrief.domain.mailing.RecipientState;
import de.rundbrief.domain.mailing.SenderIdentity;
import de.rundbrief.domain.mailing.SharedTemplate;
import de.rundbrief.domain.mailing.TemplateContent;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.OptInMode;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.Visibility;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.segment.SegmentDefinition.Match;
import de.rundbrief.domain.segment.SegmentOperator;
import de.rundbrief.domain.segment.SegmentRule;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.persistence.config.QueryHints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mailings and their recipients on PostgreSQL: who is fixed as recipient when sending starts, with
 * and without segments, and that neither the recipients nor a cancel reach into another tenant,
 * even with only EclipseLink's tenant criterion between the tenants.
 */
class MailingPersistenceTest {

  private static final String A = "mailing-a";
  private static final String B = "mailing-b";
  private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");
  private static final SegmentDefinition VIPS =
      new SegmentDefinition(
          Match.ALL, List.of(new SegmentRule("attribute:vip", SegmentOperator.IS_TRUE, null)));

  private static Jpa asApplication;
  private static Jpa wallOneAlone;
  private static final Map<String, Long> newsIds = new HashMap<>();

  @BeforeAll
  static void twoTenantsWithTheSameListAndPeople() {
    for (String tenant : List.of(A, B)) {
      Sql.update(
          PostgresDatabase.get().owner(),
          "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
              + " VALUES (?, ?, 'ACTIVE', now(), 1)",
          tenant,
          "Tenant " + tenant);
    }
    asApplication = new Jpa(PostgresDatabase.get().app());
    wallOneAlone = new Jpa(PostgresDatabase.get().superuser());
    for (String tenant : List.of(A, B)) {
      asApplication.inTenant(tenant, em -> fill(em, tenant));
    }
  }

  @AfterAll
  static void close() {
    asApplication.close();
    wallOneAlone.close();
  }

  /** anna: subscribed, vip; ben: pending; cleo: subscribed but blocked; dora: subscribed. */
  private static Object fill(EntityManager em, String tenant) {
    AttributeDefinition vip =
        new AttributeDefinition("vip", "VIP", AttributeType.BOOLEAN, List.of(), false, AT);
    em.persist(vip);
    MailingList news =
        new MailingList("News", null, Visibility.PUBLIC, OptInMode.SINGLE, "I agree.", AT);
    em.persist(news);
    Subscriber anna = subscriber(em, tenant, "anna");
    Subscriber ben = subscriber(em, tenant, "ben");
    Subscriber cleo = subscriber(em, tenant, "cleo");
    Subscriber dora = subscriber(em, tenant, "dora");
    cleo.changeStatus(SubscriberStatus.BLOCKED);
    em.persist(new AttributeValue(anna, vip, vip.parse("yes")));
    em.persist(new AttributeValue(dora, vip, vip.parse("no")));
    em.persist(new Subscription(anna, news, false, AT));
    em.persist(new Subscription(ben, news, true, AT));
    em.persist(new Subscription(cleo, news, false, AT));
    em.persist(new Subscription(dora, news, false, AT));
    em.flush();
    newsIds.put(tenant, news.getId());
    return null;
  }

  @Test
  void recipientsAreTheActiveSubscribedMembersOfTheLists() {
    long mailing = startedMailing(asApplication, A, newsIds.get(A), List.of());

    assertThat(recipients(A, mailing))
        .containsExactly("anna@" + A + ".example", "dora@" + A + ".example");
    MailingProgress progress =
        asApplication.inTenant(
            A,
            em -> {
              JpaMailingRepository mailings = new JpaMailingRepository(em);
              return mailings.progress(mailings.find(mailing).orElseThrow());
            });
    assertThat(progress.total()).isEqualTo(2);
    assertThat(progress.queued()).isEqualTo(2);
    assertThat(progress.remaining()).isEqualTo(2);
  }

  @Test
  void fixingRecipientsCachesForeignKeyCheckPlansForItsOwnTransactionOnly() {
    String during =
        asApplication.inTenant(
            A,
            em -> {
              start(em, newsIds.get(A), List.of());
              return planCacheMode(em);
            });
    String after = asApplication.inTenant(A, MailingPersistenceTest::planCacheMode);

    assertThat(during).as("while the start's transaction lasts").isEqualTo("auto");
    assertThat(after).as("the application role's own setting").isEqualTo("force_custom_plan");
  }

  @Test
  void anotherTenantsMailingCannotBeLockedForAStartEvenWithWallOneAlone() {
    long mailingOfB = startedMailing(asApplication, B, newsIds.get(B), List.of());

    for (Jpa jpa : List.of(asApplication, wallOneAlone)) {
      Optional<Mailing> seenFromA =
          jpa.inTenant(A, em -> new JpaMailingRepository(em).findForStart(mailingOfB));
      assertThat(seenFromA).isEmpty();
    }
    Boolean seenFromB =
        asApplication.inTenant(
            B, em -> new JpaMailingRepository(em).findForStart(mailingOfB).isPresent());
    assertThat(seenFromB).isTrue();
  }

  private static String planCacheMode(EntityManager em) {
    return (String)
        em.createNativeQuery("SELECT current_setting('plan_cache_mode')")
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .getSingleResult();
  }

  @Test
  void segmentsNarrowTheRecipients() {
    long mailing = startedMailing(asApplication, A, newsIds.get(A), List.of(VIPS));

    assertThat(recipients(A, mailing)).containsExactly("anna@" + A + ".example");
  }

  @Test
  void anotherTenantsListGivesNoRecipientsEvenWithWallOneAlone() {
    long mailing = startedMailing(wallOneAlone, A, newsIds.get(B), List.of());

    assertThat(recipients(A, mailing)).isEmpty();
  }

  @Test
  void narrowingAndCancellingLeaveAnotherTenantsRecipientsAlone() {
    long mailingOfB = startedMailing(asApplication, B, newsIds.get(B), List.of());
    assertThat(recipients(B, mailingOfB)).hasSize(2);

    startedMailing(wallOneAlone, A, newsIds.get(A), List.of(VIPS));
    int skipped =
        wallOneAlone.inTenant(A, em -> new JpaMailingRepository(em).skipRemaining(mailingOfB, "x"));

    assertThat(skipped).isZero();
    assertThat(
            Sql.column(
                PostgresDatabase.get().superuser(),
                "SELECT state FROM mailing_recipient WHERE mailing_id = ?",
                mailingOfB))
        .containsExactly("QUEUED", "QUEUED");
  }

  @Test
  void cancellingSkipsWhatIsStillQueued() {
    long mailing = startedMailing(asApplication, A, newsIds.get(A), List.of());

    int skipped =
        asApplication.inTenant(
            A,
            em -> new JpaMailingRepository(em).skipRemaining(mailing, "The mailing was cancelled"));

    assertThat(skipped).isEqualTo(2);
    List<Recipient> rows =
        asApplication.inTenant(
            A,
            em ->
                new JpaMailingRepository(em)
                    .recipients(mailing, RecipientState.SKIPPED, PageRequest.first(10))
                    .items());
    assertThat(rows)
        .extracting(Recipient::getReason)
        .containsExactly("The mailing was cancelled", "The mailing was cancelled");
  }

  @Test
  void aTenantsTemplatesStayInItEvenWithWallOneAloneAndSharedOnesReachEveryTenant() {
    long ofB =
        asApplication.inTenant(
            B,
            em -> {
              MailingTemplate template =
                  new MailingTemplate(
                      "Monatlich B", new TemplateContent("Neues", null, "<p>B</p>"), AT);
              new JpaTemplates(em).add(template);
              new JpaTemplates(em)
                  .add(
                      new SharedTemplate(
                          "Konzern " + System.nanoTime(),
                          new TemplateContent("Konzern", null, "<p>alle</p>"),
                          true,
                          AT));
              em.flush();
              return template.getId();
            });

    List<Object> seenFromA =
        wallOneAlone.inTenant(
            A,
            em ->
                List.of(
                    new JpaTemplates(em).findOfTenant(ofB).isPresent(),
                    new JpaTemplates(em)
                        .ofTenant().stream().anyMatch(t -> t.getName().equals("Monatlich B")),
                    new JpaTemplates(em).shared(true).isEmpty()));
    assertThat(seenFromA).containsExactly(false, false, false);
  }

  private static long startedMailing(
      Jpa jpa, String tenant, long listId, List<SegmentDefinition> segments) {
    return jpa.inTenant(tenant, em -> start(em, listId, segments));
  }

  private static long start(EntityManager em, long listId, List<SegmentDefinition> segments) {
    JpaMailingRepository mailings = new JpaMailingRepository(em);
    Mailing mailing =
        new Mailing(
            "Herbst",
            "de",
            new MailingContent(
                "Neues",
                null,
                new SenderIdentity("Redaktion", "news@example.com"),
                null,
                "<p>Hallo</p>",
                "Hallo",
                false),
            AT);
    mailing.target(Set.of(listId), Set.of());
    mailings.add(mailing);
    em.flush();
    int count = mailings.fixRecipients(mailing, segments);
    mailing.start(count, null, AT);
    return mailing.getId();
  }

  private static List<String> recipients(String tenant, long mailingId) {
    return asApplication.inTenant(
        tenant,
        em ->
            new JpaMailingRepository(em)
                .recipients(mailingId, null, PageRequest.first(50)).items().stream()
                    .map(Recipient::getEmail)
                    .toList());
  }

  private static Subscriber subscriber(EntityManager em, String tenant, String name) {
    Subscriber subscriber =
        new Subscriber(EmailAddress.of(name + "@" + tenant + ".example"), name, null, AT);
    em.persist(subscriber);
    return subscriber;
  }
}
