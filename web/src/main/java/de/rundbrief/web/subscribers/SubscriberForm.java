package de.rundbrief.web.subscribers;

import de.rundbrief.application.SubscriberData;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the subscriber dialog edits: a new subscriber (no id) or an existing one. */
public class SubscriberForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long id;
  private String tenant;
  private String email;
  private String firstName;
  private String lastName;
  private SubscriberStatus status = SubscriberStatus.ACTIVE;

  /** The tenant's fields; {@code null} until loaded, and then their values are sent. */
  private List<FieldInput> fields;

  static SubscriberForm blank(String tenant) {
    SubscriberForm form = new SubscriberForm();
    form.tenant = tenant;
    return form;
  }

  static SubscriberForm of(Subscriber subscriber, String tenant) {
    SubscriberForm form = new SubscriberForm();
    form.id = subscriber.getId();
    form.tenant = tenant;
    form.email = subscriber.getEmail().value();
    form.firstName = subscriber.getFirstName();
    form.lastName = subscriber.getLastName();
    form.status = subscriber.getStatus();
    return form;
  }

  SubscriberData data() {
    Map<String, String> values = null;
    if (fields != null) {
      values = new LinkedHashMap<>();
      for (FieldInput field : fields) {
        values.put(field.getKey(), field.getValue());
      }
    }
    // the form holds every name: an emptied one (null from Faces) removes it
    return new SubscriberData(
        email,
        firstName == null ? "" : firstName,
        lastName == null ? "" : lastName,
        status,
        values);
  }

  void useFields(List<FieldInput> tenantFields) {
    this.fields = tenantFields;
  }

  public List<FieldInput> getFields() {
    return fields == null ? List.of() : fields;
  }

  public boolean isNew() {
    return id == null;
  }

  public Long getId() {
    return id;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public SubscriberStatus getStatus() {
    return status;
  }

  public void setStatus(SubscriberStatus status) {
    this.status = status;
  }
}
