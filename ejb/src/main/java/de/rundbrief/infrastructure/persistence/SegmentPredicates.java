package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeValue;
import de.rundbrief.domain.attribute.InvalidAttributeValueException;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.segment.InvalidSegmentException;
import de.rundbrief.domain.segment.InvalidSegmentException.Reason;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.segment.SegmentFields;
import de.rundbrief.domain.segment.SegmentOperator;
import de.rundbrief.domain.segment.SegmentRule;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a segment's rules into Criteria predicates over {@link Subscriber}: every value becomes a
 * bound parameter, list membership and fields become correlated {@code EXISTS} subqueries (no outer
 * joins: EclipseLink bug #1185 would turn them into inner ones). Inside one tenant only; the
 * subqueries carry the tenant criterion like every other query of the unit.
 */
final class SegmentPredicates {

  /** Dates in rules are days in Rundbrief's time zone. */
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private SegmentPredicates() {}

  static Predicate of(
      CriteriaBuilder cb,
      AbstractQuery<?> query,
      Root<Subscriber> row,
      SegmentDefinition segment,
      Function<String, Optional<AttributeDefinition>> fields) {
    Predicate[] rules =
        segment.rules().stream()
            .map(rule -> rule(cb, query, row, rule, fields))
            .toArray(Predicate[]::new);
    if (rules.length == 0) {
      return cb.conjunction();
    }
    return segment.match() == SegmentDefinition.Match.ALL ? cb.and(rules) : cb.or(rules);
  }

  /**
   * Checks the operator against the field before anything reads the value: a rule without a value
   * whose operator does not apply must be refused as such, not fail on the missing value.
   */
  private static Predicate rule(
      CriteriaBuilder cb,
      AbstractQuery<?> query,
      Root<Subscriber> row,
      SegmentRule rule,
      Function<String, Optional<AttributeDefinition>> fields) {
    String key = rule.attributeKey();
    if (key != null) {
      AttributeDefinition field =
          fields.apply(key).orElseThrow(() -> new InvalidSegmentException(Reason.NO_FIELD, rule));
      fits(rule, SegmentFields.operatorsOf(field.getType()));
      return field(cb, query, row, field, rule);
    }
    List<SegmentOperator> operators = SegmentFields.operatorsOf(rule.field());
    if (operators.isEmpty()) {
      throw new InvalidSegmentException(Reason.NO_FIELD, rule);
    }
    fits(rule, operators);
    return switch (rule.field()) {
      case "email" -> text(cb, row.get("email").get("value"), rule);
      case "firstName", "lastName" -> text(cb, row.get(rule.field()), rule);
      case "status" -> status(cb, row, rule);
      case "createdAt" -> created(cb, row, rule);
      default -> membership(cb, query, row, rule);
    };
  }

  private static void fits(SegmentRule rule, List<SegmentOperator> operators) {
    if (!operators.contains(rule.operator())) {
      throw new InvalidSegmentException(Reason.OPERATOR_NOT_FOR_FIELD, rule);
    }
  }

  private static Predicate text(CriteriaBuilder cb, Path<String> path, SegmentRule rule) {
    Expression<String> lower = cb.lower(path);
    String value = rule.value() == null ? null : rule.value().toLowerCase(Locale.ROOT);
    return switch (rule.operator()) {
      case EQUALS -> cb.equal(lower, value);
      case NOT_EQUALS -> cb.or(cb.isNull(path), cb.notEqual(lower, value));
      case CONTAINS -> cb.like(lower, "%" + CriteriaPages.escapeLike(value) + "%", '\\');
      case STARTS_WITH -> cb.like(lower, CriteriaPages.escapeLike(value) + "%", '\\');
      case IS_SET -> cb.isNotNull(path);
      case IS_NOT_SET -> cb.isNull(path);
      default -> throw notFor(rule);
    };
  }

  private static Predicate status(CriteriaBuilder cb, Root<Subscriber> row, SegmentRule rule) {
    SubscriberStatus status;
    try {
      status = SubscriberStatus.valueOf(rule.value().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSegmentException(Reason.NO_STATUS, rule);
    }
    return switch (rule.operator()) {
      case EQUALS -> cb.equal(row.get("status"), status);
      case NOT_EQUALS -> cb.notEqual(row.get("status"), status);
      default -> throw notFor(rule);
    };
  }

  private static Predicate created(CriteriaBuilder cb, Root<Subscriber> row, SegmentRule rule) {
    LocalDate day = date(rule);
    Path<OffsetDateTime> createdAt = row.get("createdAt");
    return switch (rule.operator()) {
      case BEFORE -> cb.lessThan(createdAt, startOf(day));
      case AFTER -> cb.greaterThanOrEqualTo(createdAt, startOf(day.plusDays(1)));
      case EQUALS ->
          cb.and(
              cb.greaterThanOrEqualTo(createdAt, startOf(day)),
              cb.lessThan(createdAt, startOf(day.plusDays(1))));
      default -> throw notFor(rule);
    };
  }

  private static Predicate membership(
      CriteriaBuilder cb, AbstractQuery<?> query, Root<Subscriber> row, SegmentRule rule) {
    long listId;
    try {
      listId = Long.parseLong(rule.value());
    } catch (NumberFormatException e) {
      throw new InvalidSegmentException(Reason.NO_LIST, rule);
    }
    Subquery<Long> subscribed = query.subquery(Long.class);
    Root<Subscription> subscription = subscribed.from(Subscription.class);
    subscribed
        .select(subscription.get("id"))
        .where(
            cb.equal(subscription.get("subscriber"), row),
            cb.equal(subscription.get("mailingList").get("id"), listId),
            cb.equal(subscription.get("status"), SubscriptionStatus.SUBSCRIBED));
    return switch (rule.operator()) {
      case MEMBER -> cb.exists(subscribed);
      case NOT_MEMBER -> cb.not(cb.exists(subscribed));
      default -> throw notFor(rule);
    };
  }

  /**
   * A rule on a tenant's field: whether the subscriber has a value of it that fits. A negation is
   * the absence of such a value ({@code NOT EXISTS} with the positive comparison), so that "is not
   * Nord" selects the subscribers without a region too, as "first name is not Anna" selects those
   * without a first name.
   */
  private static Predicate field(
      CriteriaBuilder cb,
      AbstractQuery<?> query,
      Root<Subscriber> row,
      AttributeDefinition field,
      SegmentRule rule) {
    Subquery<Long> values = query.subquery(Long.class);
    Root<AttributeValue> value = values.from(AttributeValue.class);
    Predicate owner = cb.equal(value.get("subscriber"), row);
    Predicate ofField = cb.equal(value.get("definition").get("id"), field.getId());
    return switch (rule.operator()) {
      case IS_SET -> cb.exists(values.select(value.get("id")).where(owner, ofField));
      case IS_NOT_SET -> cb.not(cb.exists(values.select(value.get("id")).where(owner, ofField)));
      case NOT_EQUALS -> {
        SegmentRule equals = new SegmentRule(rule.field(), SegmentOperator.EQUALS, rule.value());
        values.select(value.get("id")).where(owner, ofField, compare(cb, value, field, equals));
        yield cb.not(cb.exists(values));
      }
      default -> {
        values.select(value.get("id")).where(owner, ofField, compare(cb, value, field, rule));
        yield cb.exists(values);
      }
    };
  }

  private static Predicate compare(
      CriteriaBuilder cb, Root<AttributeValue> value, AttributeDefinition field, SegmentRule rule) {
    SegmentOperator operator = rule.operator();
    switch (field.getType()) {
      case TEXT, CHOICE -> {
        Path<String> text = value.get("textValue");
        return switch (operator) {
          case EQUALS, CONTAINS, STARTS_WITH -> text(cb, text, rule);
          default -> throw notFor(rule);
        };
      }
      case NUMBER -> {
        BigDecimal number = (BigDecimal) parse(field, rule);
        Path<BigDecimal> column = value.get("numberValue");
        return switch (operator) {
          case EQUALS -> cb.equal(column, number);
          case GREATER -> cb.greaterThan(column, number);
          case LESS -> cb.lessThan(column, number);
          default -> throw notFor(rule);
        };
      }
      case DATE -> {
        LocalDate day = (LocalDate) parse(field, rule);
        Path<LocalDate> column = value.get("dateValue");
        return switch (operator) {
          case EQUALS -> cb.equal(column, day);
          case BEFORE -> cb.lessThan(column, day);
          case AFTER -> cb.greaterThan(column, day);
          default -> throw notFor(rule);
        };
      }
      case BOOLEAN -> {
        Path<Boolean> column = value.get("booleanValue");
        return switch (operator) {
          case IS_TRUE -> cb.isTrue(column);
          case IS_FALSE -> cb.isFalse(column);
          default -> throw notFor(rule);
        };
      }
      default -> throw notFor(rule);
    }
  }

  /**
   * A comparison's value as the field reads it; a blank one never reaches here (the rule needs a
   * value), so a required field's "a value is required" cannot come up.
   */
  private static Object parse(AttributeDefinition field, SegmentRule rule) {
    try {
      return field.parse(rule.value());
    } catch (InvalidAttributeValueException e) {
      throw new InvalidSegmentException(rule, e);
    }
  }

  private static LocalDate date(SegmentRule rule) {
    try {
      return LocalDate.parse(rule.value());
    } catch (DateTimeParseException e) {
      throw new InvalidSegmentException(Reason.NOT_A_DATE, rule);
    }
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toOffsetDateTime();
  }

  private static InvalidSegmentException notFor(SegmentRule rule) {
    return new InvalidSegmentException(Reason.OPERATOR_NOT_FOR_FIELD, rule);
  }
}
