package de.rundbrief.domain.segment;

/** How a rule compares; which ones a field allows depends on its kind. */
public enum SegmentOperator {
  EQUALS,
  NOT_EQUALS,
  CONTAINS,
  STARTS_WITH,
  GREATER,
  LESS,
  BEFORE,
  AFTER,
  IS_SET,
  IS_NOT_SET,
  IS_TRUE,
  IS_FALSE,
  /** Subscribed to the list named by the value. */
  MEMBER,
  /** Not subscribed to the list named by the value (never on it, pending, or left). */
  NOT_MEMBER;

  /** Whether the rule needs a value to compare with. */
  public boolean needsValue() {
    return switch (this) {
      case IS_SET, IS_NOT_SET, IS_TRUE, IS_FALSE -> false;
      default -> true;
    };
  }
}
