package de.rundbrief.web.subscribers;

import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeType;
import java.io.Serializable;
import java.util.List;

/** One tenant field on the subscriber dialog, with the value as entered. */
public class FieldInput implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final String label;
  private final AttributeType type;
  private final List<String> choices;
  private final boolean required;
  private String value;

  FieldInput(AttributeDefinition field, String value) {
    this.key = field.getKey();
    this.label = field.getLabel();
    this.type = field.getType();
    this.choices = List.copyOf(field.getChoices());
    this.required = field.isRequired();
    this.value = value;
  }

  /** What a select offers: the choices, or true/false for a yes/no field. */
  public List<String> getOptions() {
    return type == AttributeType.BOOLEAN ? List.of("true", "false") : choices;
  }

  public String getKey() {
    return key;
  }

  public String getLabel() {
    return label;
  }

  public String getType() {
    return type.name();
  }

  public boolean isRequired() {
    return required;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
