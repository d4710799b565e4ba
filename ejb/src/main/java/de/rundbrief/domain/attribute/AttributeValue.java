package de.rundbrief.domain.attribute;

import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One subscriber's value of one field, in the column of its type, so that filters compare numbers
 * as numbers and dates as dates in the database.
 */
@Entity
@Table(name = "ATTRIBUTE_VALUE")
@SequenceGenerator(
    name = "attribute_value_seq",
    sequenceName = "ATTRIBUTE_VALUE_SEQ",
    allocationSize = 50)
public class AttributeValue extends TenantOwnedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attribute_value_seq")
  @Column(name = "ID")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "SUBSCRIBER_ID", nullable = false, updatable = false)
  private Subscriber subscriber;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "DEFINITION_ID", nullable = false, updatable = false)
  private AttributeDefinition definition;

  @Column(name = "TEXT_VALUE", length = AttributeDefinition.TEXT_MAX_LENGTH)
  private String textValue;

  @Column(name = "NUMBER_VALUE", precision = 19, scale = 4)
  private BigDecimal numberValue;

  @Column(name = "DATE_VALUE")
  private LocalDate dateValue;

  @Column(name = "BOOLEAN_VALUE")
  private Boolean booleanValue;

  protected AttributeValue() {}

  public AttributeValue(Subscriber subscriber, AttributeDefinition definition, Object value) {
    this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
    this.definition = Objects.requireNonNull(definition, "definition");
    set(value);
  }

  /** Sets the value as {@link AttributeDefinition#parse} returned it. */
  public void set(Object value) {
    Objects.requireNonNull(value, "value");
    textValue = null;
    numberValue = null;
    dateValue = null;
    booleanValue = null;
    switch (definition.getType()) {
      case TEXT, CHOICE -> textValue = (String) value;
      case NUMBER -> numberValue = (BigDecimal) value;
      case DATE -> dateValue = (LocalDate) value;
      case BOOLEAN -> booleanValue = (Boolean) value;
    }
  }

  /** The typed value. */
  public Object get() {
    return switch (definition.getType()) {
      case TEXT, CHOICE -> textValue;
      case NUMBER -> numberValue;
      case DATE -> dateValue;
      case BOOLEAN -> booleanValue;
    };
  }

  /** The value as text, the way forms and exports show it. */
  public String getText() {
    Object value = get();
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    return value == null ? null : value.toString();
  }

  public Long getId() {
    return id;
  }

  public Subscriber getSubscriber() {
    return subscriber;
  }

  public AttributeDefinition getDefinition() {
    return definition;
  }
}
