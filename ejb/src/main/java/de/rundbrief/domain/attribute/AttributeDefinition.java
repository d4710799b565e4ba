package de.rundbrief.domain.attribute;

import de.rundbrief.domain.attribute.InvalidAttributeValueException.Reason;
import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A field that a tenant's administrator defines for its subscribers. The key is how imports, the
 * API and placeholders name it; it never changes. The field checks and normalises every value given
 * for it.
 */
@Entity
@Table(name = "ATTRIBUTE_DEFINITION")
@SequenceGenerator(
    name = "attribute_definition_seq",
    sequenceName = "ATTRIBUTE_DEFINITION_SEQ",
    allocationSize = 50)
public class AttributeDefinition extends TenantOwnedEntity {

  public static final String KEY_PATTERN = "[a-z][a-z0-9_]{0,31}";
  public static final int LABEL_MAX_LENGTH = 100;
  public static final int TEXT_MAX_LENGTH = 500;
  public static final int CHOICES_MAX_LENGTH = 2000;
  private static final Pattern KEY = Pattern.compile(KEY_PATTERN);
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attribute_definition_seq")
  @Column(name = "ID")
  private Long id;

  @Column(name = "ATTRIBUTE_KEY", nullable = false, updatable = false, length = 32)
  private String key;

  @Column(name = "LABEL", nullable = false, length = LABEL_MAX_LENGTH)
  private String label;

  @Enumerated(EnumType.STRING)
  @Column(name = "ATTRIBUTE_TYPE", nullable = false, updatable = false, length = 16)
  private AttributeType type;

  /** The choices of a CHOICE field, one per line. */
  @Column(name = "CHOICES", length = CHOICES_MAX_LENGTH)
  private String choices;

  @Column(name = "REQUIRED", nullable = false)
  private boolean required;

  @Column(name = "CREATED_AT", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected AttributeDefinition() {}

  public AttributeDefinition(
      String key,
      String label,
      AttributeType type,
      List<String> choices,
      boolean required,
      Instant at) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidAttributeDefinitionException(InvalidAttributeDefinitionException.Reason.KEY);
    }
    this.key = key;
    this.type = Objects.requireNonNull(type, "type");
    change(label, choices, required);
    this.createdAt = Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
  }

  /** Changes what may change: the label, the choices and whether a value is required. */
  public void change(String newLabel, List<String> newChoices, boolean newRequired) {
    if (newLabel == null || newLabel.isBlank() || newLabel.strip().length() > LABEL_MAX_LENGTH) {
      throw new InvalidAttributeDefinitionException(
          InvalidAttributeDefinitionException.Reason.LABEL);
    }
    this.label = newLabel.strip();
    List<String> cleaned =
        newChoices == null
            ? List.of()
            : newChoices.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
    if (type == AttributeType.CHOICE && cleaned.isEmpty()) {
      throw new InvalidAttributeDefinitionException(
          InvalidAttributeDefinitionException.Reason.NO_CHOICES);
    }
    String joined = type == AttributeType.CHOICE ? String.join("\n", cleaned) : null;
    if (joined != null && joined.length() > CHOICES_MAX_LENGTH) {
      throw new InvalidAttributeDefinitionException(
          InvalidAttributeDefinitionException.Reason.CHOICES_TOO_LONG);
    }
    this.choices = joined;
    this.required = newRequired;
  }

  /**
   * Checks and normalises a value given as text (from a form, an import or the API): a number with
   * a dot or a comma as decimal separator, a date as {@code yyyy-mm-dd} or {@code dd.mm.yyyy},
   * yes/no as {@code true/false}, {@code yes/no}, {@code ja/nein} or {@code 1/0}, a choice exactly
   * as defined (ignoring case).
   *
   * @return the typed value: String, BigDecimal, LocalDate or Boolean; {@code null} for blank
   * @throws InvalidAttributeValueException if the text is no such value
   */
  public Object parse(String text) {
    if (text == null || text.isBlank()) {
      if (required) {
        throw new InvalidAttributeValueException(key, Reason.REQUIRED, null);
      }
      return null;
    }
    String value = text.strip();
    return switch (type) {
      case TEXT -> text(value);
      case NUMBER -> number(value);
      case DATE -> date(value);
      case BOOLEAN -> bool(value);
      case CHOICE -> choice(value);
    };
  }

  private String text(String value) {
    if (value.length() > TEXT_MAX_LENGTH || CONTROL.matcher(value).find()) {
      throw new InvalidAttributeValueException(key, Reason.TEXT_TOO_LONG, null);
    }
    return value;
  }

  private BigDecimal number(String value) {
    try {
      BigDecimal number = new BigDecimal(value.replace(',', '.'));
      if (number.abs().compareTo(new BigDecimal("1E15")) >= 0 || number.scale() > 4) {
        throw new NumberFormatException();
      }
      return number.stripTrailingZeros();
    } catch (NumberFormatException e) {
      throw new InvalidAttributeValueException(key, Reason.NOT_A_NUMBER, value);
    }
  }

  private LocalDate date(String value) {
    try {
      if (value.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
        String[] parts = value.split("\\.");
        return LocalDate.of(
            Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
      }
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw new InvalidAttributeValueException(key, Reason.NOT_A_DATE, value);
    }
  }

  private Boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "ja", "1" -> Boolean.TRUE;
      case "false", "no", "nein", "0" -> Boolean.FALSE;
      default -> throw new InvalidAttributeValueException(key, Reason.NOT_YES_OR_NO, value);
    };
  }

  private String choice(String value) {
    return getChoices().stream()
        .filter(choice -> choice.equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(() -> new InvalidAttributeValueException(key, Reason.NOT_A_CHOICE, value));
  }

  public Long getId() {
    return id;
  }

  public String getKey() {
    return key;
  }

  public String getLabel() {
    return label;
  }

  public AttributeType getType() {
    return type;
  }

  public List<String> getChoices() {
    return choices == null ? List.of() : Arrays.asList(choices.split("\n"));
  }

  public boolean isRequired() {
    return required;
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }
}
