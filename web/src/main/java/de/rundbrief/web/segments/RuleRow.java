package de.rundbrief.web.segments;

import de.rundbrief.domain.segment.SegmentOperator;
import de.rundbrief.domain.segment.SegmentRule;
import java.io.Serializable;

/**
 * One rule as the editor shows it. The field select names lists as {@code list:<id>}; the rule
 * itself keeps {@code list} as its field and the id as its value.
 */
public class RuleRow implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String LIST_PREFIX = "list:";

  private String field = "email";
  private SegmentOperator operator = SegmentOperator.CONTAINS;
  private String value;

  static RuleRow of(SegmentRule rule) {
    RuleRow row = new RuleRow();
    if ("list".equals(rule.field())) {
      row.field = LIST_PREFIX + rule.value();
    } else {
      row.field = rule.field();
      row.value = rule.value();
    }
    row.operator = rule.operator();
    return row;
  }

  SegmentRule rule() {
    if (field.startsWith(LIST_PREFIX)) {
      return new SegmentRule("list", operator, field.substring(LIST_PREFIX.length()));
    }
    return new SegmentRule(field, operator, operator.needsValue() ? value : null);
  }

  /** Whether the rule has what it needs: a value where its operator compares with one. */
  public boolean isComplete() {
    return !isValueNeeded() || value != null && !value.isBlank();
  }

  /** Whether the value input shows: lists carry their value in the field, some operators none. */
  public boolean isValueNeeded() {
    return !field.startsWith(LIST_PREFIX) && operator.needsValue();
  }

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public SegmentOperator getOperator() {
    return operator;
  }

  public void setOperator(SegmentOperator operator) {
    this.operator = operator;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
