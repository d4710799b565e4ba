package de.rundbrief.domain.mailing;

import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A tenant's own template ("Vorlage"). */
@Entity
@Table(name = "MAILING_TEMPLATE")
@SequenceGenerator(name = "template_seq", sequenceName = "TEMPLATE_SEQ", allocationSize = 50)
public class MailingTemplate extends TenantOwnedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "template_seq")
  @Column(name = "ID")
  private Long id;

  @Column(name = "NAME", nullable = false, length = Mailing.NAME_MAX_LENGTH)
  private String name;

  @Embedded private TemplateContent content;

  @Column(name = "CREATED_AT", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "UPDATED_AT", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected MailingTemplate() {}

  public MailingTemplate(String name, TemplateContent content, Instant at) {
    this.createdAt = at.atOffset(ZoneOffset.UTC);
    change(name, content, at);
  }

  public void change(String newName, TemplateContent newContent, Instant at) {
    this.name = Templates.checkedName(newName);
    this.content = newContent;
    this.updatedAt = at.atOffset(ZoneOffset.UTC);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public TemplateContent getContent() {
    return content;
  }

  public Instant getUpdatedAt() {
    return updatedAt.toInstant();
  }
}
