package de.rundbrief.domain.attribute;

/** What kind of value a field holds; it decides how input is checked and how filters compare. */
public enum AttributeType {
  TEXT,
  NUMBER,
  DATE,
  BOOLEAN,
  /** One of the field's choices. */
  CHOICE
}
