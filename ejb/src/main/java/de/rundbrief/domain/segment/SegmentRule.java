package de.rundbrief.domain.segment;

import java.io.Serializable;
import java.util.Objects;

/**
 * One condition of a segment.
 *
 * @param field {@code email}, {@code firstName}, {@code lastName}, {@code status}, {@code
 *     createdAt}, {@code list} (the value is the list's id) or {@code attribute:<key>}
 * @param value what to compare with, as text; {@code null} for operators without one
 */
public record SegmentRule(String field, SegmentOperator operator, String value)
    implements Serializable {

  public static final String ATTRIBUTE_PREFIX = "attribute:";
  public static final int VALUE_MAX_LENGTH = 500;

  public SegmentRule {
    if (field == null || field.isBlank() || field.length() > 64) {
      throw new InvalidSegmentException(
          InvalidSegmentException.Reason.NEEDS_FIELD, field, operator, value, null);
    }
    Objects.requireNonNull(operator, "operator");
    if (operator.needsValue() && (value == null || value.isBlank())) {
      throw new InvalidSegmentException(
          InvalidSegmentException.Reason.NEEDS_VALUE, field, operator, value, null);
    }
    if (value != null && value.length() > VALUE_MAX_LENGTH) {
      throw new InvalidSegmentException(
          InvalidSegmentException.Reason.VALUE_TOO_LONG, field, operator, null, null);
    }
    value = operator.needsValue() ? value.strip() : null;
  }

  /** The field's key for a rule on a tenant field, or {@code null}. */
  public String attributeKey() {
    return field.startsWith(ATTRIBUTE_PREFIX) ? field.substring(ATTRIBUTE_PREFIX.length()) : null;
  }

  public String getField() {
    return field;
  }

  public SegmentOperator getOperator() {
    return operator;
  }

  public String getValue() {
    return value;
  }
}
