package de.rundbrief.domain.segment;

import static de.rundbrief.domain.segment.SegmentOperator.AFTER;
import static de.rundbrief.domain.segment.SegmentOperator.BEFORE;
import static de.rundbrief.domain.segment.SegmentOperator.CONTAINS;
import static de.rundbrief.domain.segment.SegmentOperator.EQUALS;
import static de.rundbrief.domain.segment.SegmentOperator.GREATER;
import static de.rundbrief.domain.segment.SegmentOperator.IS_FALSE;
import static de.rundbrief.domain.segment.SegmentOperator.IS_NOT_SET;
import static de.rundbrief.domain.segment.SegmentOperator.IS_SET;
import static de.rundbrief.domain.segment.SegmentOperator.IS_TRUE;
import static de.rundbrief.domain.segment.SegmentOperator.LESS;
import static de.rundbrief.domain.segment.SegmentOperator.MEMBER;
import static de.rundbrief.domain.segment.SegmentOperator.NOT_EQUALS;
import static de.rundbrief.domain.segment.SegmentOperator.NOT_MEMBER;
import static de.rundbrief.domain.segment.SegmentOperator.STARTS_WITH;

import de.rundbrief.domain.attribute.AttributeType;
import java.util.List;

/**
 * Which operators a rule may use on which field: one table for the editor's selects and for the
 * query, so that the screen never offers what the query refuses. The first operator of each list is
 * the editor's default.
 */
public final class SegmentFields {

  /** The subscriber's own fields, in the editor's order. */
  public static final List<String> BUILT_IN =
      List.of("email", "firstName", "lastName", "status", "createdAt");

  /** The field of a rule on list membership; its value is the list's id. */
  public static final String LIST = "list";

  private static final List<SegmentOperator> TEXT =
      List.of(CONTAINS, EQUALS, NOT_EQUALS, STARTS_WITH, IS_SET, IS_NOT_SET);

  private SegmentFields() {}

  /** The operators for a built-in field or {@link #LIST}; empty for any other name. */
  public static List<SegmentOperator> operatorsOf(String field) {
    return switch (field) {
      case "email", "firstName", "lastName" -> TEXT;
      case "status" -> List.of(EQUALS, NOT_EQUALS);
      case "createdAt" -> List.of(BEFORE, AFTER, EQUALS);
      case LIST -> List.of(MEMBER, NOT_MEMBER);
      default -> List.of();
    };
  }

  /**
   * The operators for a tenant's field of this type. Negations ({@code NOT_EQUALS}) select the
   * subscribers without a value too, as on the built-in fields.
   */
  public static List<SegmentOperator> operatorsOf(AttributeType type) {
    return switch (type) {
      case TEXT, CHOICE -> TEXT;
      case NUMBER -> List.of(EQUALS, NOT_EQUALS, GREATER, LESS, IS_SET, IS_NOT_SET);
      case DATE -> List.of(BEFORE, AFTER, EQUALS, NOT_EQUALS, IS_SET, IS_NOT_SET);
      case BOOLEAN -> List.of(IS_TRUE, IS_FALSE, IS_SET, IS_NOT_SET);
    };
  }
}
