package de.rundbrief.domain.segment;

import de.rundbrief.domain.TranslatableFailure;
import de.rundbrief.domain.attribute.InvalidAttributeValueException;
import jakarta.ejb.ApplicationException;
import java.text.MessageFormat;
import java.util.Locale;

/**
 * A segment that cannot be saved or run: no rules, an unknown field or list, an operator not for
 * the field, a missing or bad value. It names the rule concerned, so that a screen can say it in
 * the field's and the operator's own words.
 */
@ApplicationException(rollback = true)
public class InvalidSegmentException extends IllegalArgumentException
    implements TranslatableFailure {

  /**
   * Why; each has its English text and a text of the screens' bundle, with {@code {0}} the rule's
   * field, {@code {1}} its operator, {@code {2}} its value and {@code {3}} what the field said
   * about the value.
   */
  public enum Reason {
    NO_RULES("A segment needs at least one rule: without one it would select every subscriber"),
    TOO_MANY_RULES("A segment has at most " + SegmentDefinition.MAX_RULES + " rules"),
    NOT_A_DEFINITION("Not a segment definition"),
    NEEDS_FIELD("A rule needs a field"),
    NO_FIELD("No field {0}"),
    NEEDS_VALUE("The rule on {0} needs a value"),
    VALUE_TOO_LONG("A rule''s value has at most " + SegmentRule.VALUE_MAX_LENGTH + " characters"),
    OPERATOR_NOT_FOR_FIELD("The operator {1} does not apply to the field {0}"),
    NO_STATUS("No subscriber status {2}"),
    NOT_A_DATE("Not a date (yyyy-mm-dd): {2}"),
    NO_LIST("No such list: {2}"),
    INVALID_VALUE("{0}: {3}");

    private final String english;

    Reason(String english) {
      this.english = english;
    }
  }

  private final Reason reason;
  private final String field;
  private final SegmentOperator operator;
  private final String value;
  private final InvalidAttributeValueException detail;

  /** A failure of the segment as a whole. */
  public InvalidSegmentException(Reason reason) {
    this(reason, null, null, null, null);
  }

  /** A failure of one rule. */
  public InvalidSegmentException(Reason reason, SegmentRule rule) {
    this(reason, rule.field(), rule.operator(), rule.value(), null);
  }

  /** A rule's value that its field refuses. */
  public InvalidSegmentException(SegmentRule rule, InvalidAttributeValueException detail) {
    this(Reason.INVALID_VALUE, rule.field(), rule.operator(), rule.value(), detail);
  }

  /** A failure of a rule still being made. */
  InvalidSegmentException(
      Reason reason,
      String field,
      SegmentOperator operator,
      String value,
      InvalidAttributeValueException detail) {
    super(
        new MessageFormat(reason.english, Locale.ROOT)
            .format(
                new Object[] {field, operator, value, detail == null ? null : detail.getMessage()}),
        detail);
    this.reason = reason;
    this.field = field;
    this.operator = operator;
    this.value = value;
    this.detail = detail;
  }

  public Reason getReason() {
    return reason;
  }

  /** The field of the rule concerned as the rule names it, or {@code null}. */
  public String getField() {
    return field;
  }

  /** The operator of the rule concerned, or {@code null}. */
  public SegmentOperator getOperator() {
    return operator;
  }

  @Override
  public String messageKey() {
    return "segments.invalid." + reason.name();
  }

  @Override
  public Object[] messageArguments() {
    return new Object[] {field, operator, value, detail};
  }
}
