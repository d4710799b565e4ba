package de.rundbrief.web.attributes;

import de.rundbrief.application.AttributeData;
import de.rundbrief.application.AttributeService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeType;
import de.rundbrief.domain.attribute.DuplicateAttributeException;
import de.rundbrief.domain.attribute.InvalidAttributeDefinitionException;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.shell.InputCheck;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.WorkingTenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.primefaces.PrimeFaces;

/** The fields of the tenant worked in: define, relabel, remove. */
@Named
@ViewScoped
public class AttributesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AttributeService fields;
  @Inject private WorkingTenant workingTenant;
  @Inject private InputCheck inputCheck;

  private List<AttributeDefinition> all = List.of();
  private Long editedId;
  private String key;
  private String label;
  private AttributeType type = AttributeType.TEXT;
  private String choices;
  private boolean required;

  @PostConstruct
  void load() {
    all = workingTenant.current().map(fields::list).orElse(List.of());
  }

  public void newField() {
    editedId = null;
    key = null;
    label = null;
    type = AttributeType.TEXT;
    choices = null;
    required = false;
  }

  public void edit(AttributeDefinition field) {
    editedId = field.getId();
    key = field.getKey();
    label = field.getLabel();
    type = field.getType();
    choices = String.join("\n", field.getChoices());
    required = field.isRequired();
  }

  public void save() {
    TenantKey tenant = workingTenant.current().orElse(null);
    AttributeData data =
        new AttributeData(
            key == null ? null : key.strip(),
            label,
            type,
            choices == null
                ? List.of()
                : Arrays.stream(choices.split("\\R")).filter(c -> !c.isBlank()).toList(),
            required);
    if (tenant == null || !inputCheck.valid(data, "fieldForm")) {
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
      return;
    }
    try {
      if (editedId == null) {
        fields.create(tenant, data);
      } else {
        fields.update(tenant, editedId, data);
      }
      Messages.info("fields.saved", data.label().strip());
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
      load();
    } catch (DuplicateAttributeException e) {
      Messages.fieldError("fieldForm:key", Messages.text("fields.duplicate"));
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    } catch (InvalidAttributeDefinitionException e) {
      Messages.fieldError(inputOf(e.getReason()), Messages.text(e));
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    } catch (NotFoundException e) {
      Messages.error("fields.gone");
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    }
  }

  public void delete(AttributeDefinition field) {
    try {
      fields.delete(workingTenant.current().orElseThrow(), field.getId());
      Messages.info("fields.deleted", field.getLabel());
      load();
    } catch (NotFoundException e) {
      Messages.error("fields.gone");
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    }
  }

  private static String inputOf(InvalidAttributeDefinitionException.Reason reason) {
    return switch (reason) {
      case KEY, KEY_OR_TYPE_CHANGED -> "fieldForm:key";
      case LABEL -> "fieldForm:label";
      case NO_CHOICES, CHOICES_TOO_LONG -> "fieldForm:choices";
    };
  }

  /** A field's choices as a list to read, or a dash for a field without any. */
  public String choicesOf(AttributeDefinition field) {
    return field.getChoices().isEmpty() ? "–" : String.join(", ", field.getChoices());
  }

  public AttributeType[] getTypes() {
    return AttributeType.values();
  }

  public List<AttributeDefinition> getAll() {
    return all;
  }

  public boolean isCreating() {
    return editedId == null;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public AttributeType getType() {
    return type;
  }

  public void setType(AttributeType type) {
    this.type = type;
  }

  public String getChoices() {
    return choices;
  }

  public void setChoices(String choices) {
    this.choices = choices;
  }

  public boolean isRequired() {
    return required;
  }

  public void setRequired(boolean required) {
    this.required = required;
  }
}
