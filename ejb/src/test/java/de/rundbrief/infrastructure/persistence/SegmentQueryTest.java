package de.rundbrief.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeType;
import de.rundbrief.domain.attribute.AttributeValue;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.OptInMode;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.Visibility;
import de.rundbrief.domain.segment.InvalidSegmentException;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.segment.SegmentDefinition.Match;
import de.rundbrief.domain.segment.SegmentFields;
import de.rundbrief.domain.segment.SegmentOperator;
import de.rundbrief.domain.segment.SegmentRule;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberFilter;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Segments run as queries on PostgreSQL: every operator on every kind of field, all or any rule,
 * and never a subscriber of another tenant, even with the same fields, lists and values there and
 * with only EclipseLink's tenant criterion standing between the tenants.
 */
class SegmentQueryTest {

  private static final String A = "segment-a";
  private static final String B = "segment-b";
  private static final Instant AT = Instant.parse("2026-06-15T10:00:00Z");

  /** Each field of a rule with a value that fits it (lists get the tenant's list id). */
  private static final Map<String, String> FITTING_VALUES =
      Map.ofEntries(
          Map.entry("email", "anna"),
          Map.entry("firstName", "anna"),
          Map.entry("lastName", "anna"),
          Map.entry("status", "ACTIVE"),
          Map.entry("createdAt", "2026-06-15"),
          Map.entry("list", "1"),
          Map.entry("attribute:age", "34"),
          Map.entry("attribute:region", "Nord"),
          Map.entry("attribute:birthday", "1992-03-01"),
          Map.entry("attribute:vip", "yes"),
          Map.entry("attribute:city", "Hamburg"));

  private static Jpa asApplication;
  private static Jpa wallOneAlone;
  private static final Map<String, Long> newsIds = new java.util.HashMap<>();

  @BeforeAll
  static void twoTenantsWithTheSameFields() {
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

  private static Object fill(EntityManager em, String tenant) {
    AttributeDefinition age = field(em, "age", AttributeType.NUMBER, List.of());
    AttributeDefinition region = field(em, "region", AttributeType.CHOICE, List.of("Nord", "Süd"));
    AttributeDefinition birthday = field(em, "birthday", AttributeType.DATE, List.of());
    AttributeDefinition vip = field(em, "vip", AttributeType.BOOLEAN, List.of());
    AttributeDefinition city = field(em, "city", AttributeType.TEXT, List.of());
    MailingList news =
        new MailingList("News", null, Visibility.PUBLIC, OptInMode.SINGLE, "I agree.", AT);
    em.persist(news);
    // anna: 34, Nord, 1992-03-01, vip, Hamburg, subscribed, created 2026-06-15
    // ben:  51, Süd, no birthday, not vip, München, pending, created 2026-06-16
    // cleo: no values, never on the list, created 2026-06-17, blocked
    Subscriber anna = subscriber(em, tenant, "anna", AT);
    Subscriber ben = subscriber(em, tenant, "ben", AT.plusSeconds(86_400));
    Subscriber cleo = subscriber(em, tenant, "cleo", AT.plusSeconds(2 * 86_400));
    cleo.changeStatus(SubscriberStatus.BLOCKED);
    values(
        em,
        anna,
        Map.of(age, "34", region, "nord", birthday, "1992-03-01", vip, "yes", city, "Hamburg"));
    values(em, ben, Map.of(age, "51", region, "Süd", vip, "no", city, "München"));
    em.persist(new Subscription(anna, news, false, AT));
    em.persist(new Subscription(ben, news, true, AT));
    em.flush();
    newsIds.put(tenant, news.getId());
    return null;
  }

  @Test
  void numbersCompareAsNumbers() {
    assertThat(names(rule("attribute:age", SegmentOperator.GREATER, "40"))).containsExactly("ben");
    assertThat(names(rule("attribute:age", SegmentOperator.LESS, "40,5"))).containsExactly("anna");
    assertThat(names(rule("attribute:age", SegmentOperator.EQUALS, "34.0")))
        .containsExactly("anna");
    assertThat(names(rule("attribute:age", SegmentOperator.IS_NOT_SET, null)))
        .containsExactly("cleo");
  }

  @Test
  void choicesTextsDatesAndYesNo() {
    assertThat(names(rule("attribute:region", SegmentOperator.EQUALS, "SÜD")))
        .containsExactly("ben");
    assertThat(names(rule("attribute:city", SegmentOperator.CONTAINS, "burg")))
        .containsExactly("anna");
    assertThat(names(rule("attribute:city", SegmentOperator.STARTS_WITH, "mü")))
        .containsExactly("ben");
    assertThat(names(rule("attribute:birthday", SegmentOperator.BEFORE, "2000-01-01")))
        .containsExactly("anna");
    assertThat(names(rule("attribute:birthday", SegmentOperator.IS_SET, null)))
        .containsExactly("anna");
    assertThat(names(rule("attribute:vip", SegmentOperator.IS_TRUE, null))).containsExactly("anna");
    assertThat(names(rule("attribute:vip", SegmentOperator.IS_FALSE, null))).containsExactly("ben");
  }

  @Test
  void negationsOnFieldsSelectTheSubscribersWithoutAValueAsOnBuiltInFields() {
    assertThat(names(rule("lastName", SegmentOperator.NOT_EQUALS, "Meyer")))
        .as("no one has a last name")
        .containsExactly("anna", "ben", "cleo");
    assertThat(names(rule("attribute:city", SegmentOperator.NOT_EQUALS, "hamburg")))
        .containsExactly("ben", "cleo");
    assertThat(names(rule("attribute:region", SegmentOperator.NOT_EQUALS, "Nord")))
        .containsExactly("ben", "cleo");
    assertThat(names(rule("attribute:age", SegmentOperator.NOT_EQUALS, "34")))
        .containsExactly("ben", "cleo");
    assertThat(names(rule("attribute:birthday", SegmentOperator.NOT_EQUALS, "01.03.1992")))
        .containsExactly("ben", "cleo");
    assertThat(names(rule("attribute:birthday", SegmentOperator.NOT_EQUALS, "2000-01-01")))
        .containsExactly("anna", "ben", "cleo");
    assertThat(names(rule("attribute:region", SegmentOperator.EQUALS, "Nord")))
        .as("the positive rule stays as it was")
        .containsExactly("anna");
  }

  @Test
  void yesNoFieldsHaveNoNegationAndSayWhoHasNoValue() {
    assertThat(names(rule("attribute:vip", SegmentOperator.IS_FALSE, null)))
        .as("no means a stored no")
        .containsExactly("ben");
    assertThat(names(rule("attribute:vip", SegmentOperator.IS_SET, null)))
        .containsExactly("anna", "ben");
    assertThat(names(rule("attribute:vip", SegmentOperator.IS_NOT_SET, null)))
        .containsExactly("cleo");
  }

  @Test
  void anotherTenantsFieldValuesNeverCountInNegationsOrComparisons() {
    long cleosRegionInB =
        asApplication.inTenant(
            B,
            em -> {
              Subscriber cleo =
                  new JpaSubscriberRepository(em, null)
                      .findByEmail(EmailAddress.of("cleo@" + B + ".example"))
                      .orElseThrow();
              AttributeDefinition region =
                  new JpaAttributeRepository(em).findByKey("region").orElseThrow();
              AttributeValue nord = new AttributeValue(cleo, region, region.parse("Nord"));
              em.persist(nord);
              em.flush();
              return nord.getId();
            });
    try {
      for (Jpa jpa : List.of(asApplication, wallOneAlone)) {
        assertThat(names(A, jpa, rule("attribute:region", SegmentOperator.NOT_EQUALS, "Nord")))
            .as("B's cleo is in Nord, A's cleo has no region")
            .containsExactly("ben", "cleo");
        assertThat(names(A, jpa, rule("attribute:region", SegmentOperator.EQUALS, "Nord")))
            .containsExactly("anna");
        assertThat(names(A, jpa, rule("attribute:region", SegmentOperator.IS_NOT_SET, null)))
            .containsExactly("cleo");
        assertThat(names(B, jpa, rule("attribute:region", SegmentOperator.NOT_EQUALS, "Nord")))
            .containsExactly("ben");
        assertThat(names(B, jpa, rule("attribute:region", SegmentOperator.IS_NOT_SET, null)))
            .isEmpty();
      }
    } finally {
      asApplication.inTenant(
          B,
          em -> {
            em.remove(em.find(AttributeValue.class, cleosRegionInB));
            return null;
          });
    }
  }

  /**
   * Every field with every operator that does not apply to it is refused as such, whether the
   * operator takes a value or not, before any value is read.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unfitOperators")
  void anOperatorThatDoesNotApplyToTheFieldIsRefusedAsSuch(String field, SegmentOperator operator) {
    String value = operator.needsValue() ? FITTING_VALUES.get(field) : null;
    assertThatThrownBy(() -> names(A, asApplication, rule(field, operator, value)))
        .isInstanceOfSatisfying(
            InvalidSegmentException.class,
            e ->
                assertThat(e.getReason())
                    .isEqualTo(InvalidSegmentException.Reason.OPERATOR_NOT_FOR_FIELD))
        .hasMessage("The operator " + operator + " does not apply to the field " + field);
  }

  /** What the editor offers runs: the operators table and the query agree. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("fitOperators")
  void everyOperatorThatAppliesToTheFieldRuns(String field, SegmentOperator operator) {
    String value = operator.needsValue() ? FITTING_VALUES.get(field) : null;
    if ("list".equals(field)) {
      value = String.valueOf(newsIds.get(A));
    }
    assertThat(names(A, asApplication, rule(field, operator, value)))
        .isSubsetOf("anna", "ben", "cleo");
  }

  static Stream<Arguments> unfitOperators() {
    return operators(false);
  }

  static Stream<Arguments> fitOperators() {
    return operators(true);
  }

  private static Stream<Arguments> operators(boolean fit) {
    return FITTING_VALUES.keySet().stream()
        .sorted()
        .flatMap(
            field ->
                Arrays.stream(SegmentOperator.values())
                    .filter(operator -> operatorsOf(field).contains(operator) == fit)
                    .map(operator -> Arguments.of(field, operator)));
  }

  private static List<SegmentOperator> operatorsOf(String field) {
    return switch (field) {
      case "attribute:age" -> SegmentFields.operatorsOf(AttributeType.NUMBER);
      case "attribute:region" -> SegmentFields.operatorsOf(AttributeType.CHOICE);
      case "attribute:birthday" -> SegmentFields.operatorsOf(AttributeType.DATE);
      case "attribute:vip" -> SegmentFields.operatorsOf(AttributeType.BOOLEAN);
      case "attribute:city" -> SegmentFields.operatorsOf(AttributeType.TEXT);
      default -> SegmentFields.operatorsOf(field);
    };
  }

  @Test
  void listMembershipMeansSubscribed() {
    String news = String.valueOf(newsIds.get(A));
    assertThat(names(rule("list", SegmentOperator.MEMBER, news))).containsExactly("anna");
    assertThat(names(rule("list", SegmentOperator.NOT_MEMBER, news)))
        .containsExactly("ben", "cleo");
  }

  @Test
  void subscriberDataAndCreationDays() {
    assertThat(names(rule("email", SegmentOperator.STARTS_WITH, "BE"))).containsExactly("ben");
    assertThat(names(rule("status", SegmentOperator.NOT_EQUALS, "blocked")))
        .containsExactly("anna", "ben");
    assertThat(names(rule("createdAt", SegmentOperator.AFTER, "2026-06-15")))
        .containsExactly("ben", "cleo");
    assertThat(names(rule("createdAt", SegmentOperator.EQUALS, "2026-06-16")))
        .containsExactly("ben");
  }

  @Test
  void allRulesOrAnyRule() {
    List<SegmentRule> rules =
        List.of(
            new SegmentRule("attribute:region", SegmentOperator.EQUALS, "Nord"),
            new SegmentRule("attribute:age", SegmentOperator.GREATER, "50"));
    assertThat(names(A, asApplication, new SegmentDefinition(Match.ALL, rules))).isEmpty();
    assertThat(names(A, asApplication, new SegmentDefinition(Match.ANY, rules)))
        .containsExactly("anna", "ben");
    assertThat(names(A, asApplication, new SegmentDefinition(Match.ALL, List.of())))
        .containsExactly("anna", "ben", "cleo");
  }

  @Test
  void wallOneAloneKeepsEverySubqueryInTheTenant() {
    String newsOfB = String.valueOf(newsIds.get(B));
    SegmentDefinition onBsList =
        new SegmentDefinition(
            Match.ALL, List.of(new SegmentRule("list", SegmentOperator.MEMBER, newsOfB)));
    assertThat(names(A, wallOneAlone, onBsList)).as("a list id of tenant B").isEmpty();
    SegmentDefinition vips =
        new SegmentDefinition(
            Match.ALL, List.of(new SegmentRule("attribute:vip", SegmentOperator.IS_TRUE, null)));
    List<String> seen =
        wallOneAlone.inTenant(
            A,
            em ->
                new JpaSubscriberRepository(em, null)
                    .search(SubscriberFilter.segment(vips), PageRequest.first(50)).items().stream()
                        .map(s -> s.getEmail().value())
                        .toList());
    assertThat(seen).containsExactly("anna@" + A + ".example");
  }

  @Test
  void wallOneAloneKeepsTheNewRepositoriesInTheTenant() {
    long newsOfB = newsIds.get(B);
    long benOfB =
        asApplication.inTenant(
            B,
            em ->
                new JpaSubscriberRepository(em, null)
                    .findByEmail(EmailAddress.of("ben@" + B + ".example"))
                    .orElseThrow()
                    .getId());
    List<Object> seenFromA =
        wallOneAlone.inTenant(
            A,
            em ->
                List.of(
                    new JpaMailingListRepository(em).find(newsOfB),
                    new JpaMailingListRepository(em).findSubscription(benOfB, newsOfB),
                    new JpaMailingListRepository(em).subscriptionsOf(benOfB),
                    new JpaAttributeRepository(em).valuesOf(benOfB),
                    new JpaConsentLog(em).history(benOfB)));
    assertThat(seenFromA)
        .containsExactly(
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            List.of(),
            List.of(),
            List.of());
    List<Object> seenFromB =
        wallOneAlone.inTenant(
            B,
            em ->
                List.of(
                    new JpaMailingListRepository(em).subscriptionsOf(benOfB).size(),
                    new JpaAttributeRepository(em).valuesOf(benOfB).size()));
    assertThat(seenFromB).as("the same reads in B find B's rows").containsExactly(1, 4);
  }

  @Test
  void rulesThatCannotRunSayWhy() {
    assertThatThrownBy(() -> names(rule("attribute:shoe_size", SegmentOperator.EQUALS, "42")))
        .isInstanceOf(InvalidSegmentException.class)
        .hasMessageContaining("shoe_size");
    assertThatThrownBy(() -> names(rule("attribute:age", SegmentOperator.GREATER, "old")))
        .isInstanceOf(InvalidSegmentException.class)
        .hasMessageContaining("Not a number");
    assertThatThrownBy(() -> names(rule("attribute:vip", SegmentOperator.CONTAINS, "y")))
        .isInstanceOf(InvalidSegmentException.class);
    assertThatThrownBy(() -> names(rule("createdAt", SegmentOperator.BEFORE, "yesterday")))
        .isInstanceOf(InvalidSegmentException.class);
    assertThatThrownBy(() -> names(rule("password", SegmentOperator.EQUALS, "x' OR '1'='1")))
        .isInstanceOf(InvalidSegmentException.class);
    assertThat(names(rule("email", SegmentOperator.EQUALS, "x' OR '1'='1")))
        .as("a value is a parameter, never SQL")
        .isEmpty();
  }

  @Test
  void aDefinitionSurvivesItsJsonForm() {
    SegmentDefinition definition =
        new SegmentDefinition(
            Match.ANY,
            List.of(
                new SegmentRule("attribute:vip", SegmentOperator.IS_TRUE, null),
                new SegmentRule("email", SegmentOperator.CONTAINS, "\"quoted\" ä")));
    assertThat(SegmentDefinition.fromJson(definition.toJson())).isEqualTo(definition);
    assertThatThrownBy(() -> SegmentDefinition.fromJson("{\"match\":\"ALL\""))
        .isInstanceOf(InvalidSegmentException.class);
  }

  private static SegmentDefinition rule(String field, SegmentOperator operator, String value) {
    return new SegmentDefinition(Match.ALL, List.of(new SegmentRule(field, operator, value)));
  }

  private static List<String> names(SegmentDefinition definition) {
    List<String> inA = names(A, asApplication, definition);
    String newsOfA = String.valueOf(newsIds.get(A));
    String newsOfB = String.valueOf(newsIds.get(B));
    SegmentDefinition inBTerms =
        new SegmentDefinition(
            definition.match(),
            definition.rules().stream()
                .map(
                    r ->
                        r.field().equals("list")
                            ? new SegmentRule(
                                "list", r.operator(), r.value().replace(newsOfA, newsOfB))
                            : r)
                .toList());
    assertThat(names(B, asApplication, inBTerms)).as("the same rule in B").isEqualTo(inA);
    return inA;
  }

  private static List<String> names(String tenant, Jpa jpa, SegmentDefinition definition) {
    return jpa.inTenant(
        tenant,
        em ->
            new JpaSubscriberRepository(em, null)
                    .search(
                        SubscriberFilter.segment(definition), new PageRequest(0, 50, "email", true))
                    .items()
                    .stream()
                    .peek(s -> assertThat(s.getEmail().value()).endsWith("@" + tenant + ".example"))
                    .map(s -> s.getFirstName())
                    .toList());
  }

  private static AttributeDefinition field(
      EntityManager em, String key, AttributeType type, List<String> choices) {
    AttributeDefinition field = new AttributeDefinition(key, key, type, choices, false, AT);
    em.persist(field);
    return field;
  }

  private static Subscriber subscriber(EntityManager em, String tenant, String name, Instant at) {
    Subscriber subscriber =
        new Subscriber(EmailAddress.of(name + "@" + tenant + ".example"), name, null, at);
    em.persist(subscriber);
    return subscriber;
  }

  private static void values(
      EntityManager em, Subscriber subscriber, Map<AttributeDefinition, String> values) {
    values.forEach(
        (field, text) -> em.persist(new AttributeValue(subscriber, field, field.parse(text))));
  }
}
