package de.rundbrief.domain.mailing;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A template central administrators write for every tenant; tenants see it once it is published,
 * and start mailings from it, never change it.
 */
@Entity
@Table(name = "SHARED_TEMPLATE")
@SequenceGenerator(name = "shared_template_seq", sequenceName = "TEMPLATE_SEQ", allocationSize = 50)
public class SharedTemplate implements Serializable {

  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shared_template_seq")
  @Column(name = "ID")
  private Long id;

  @Column(name = "NAME", nullable = false, length = Mailing.NAME_MAX_LENGTH)
  private String name;

  @Embedded private TemplateContent content;

  @Column(name = "PUBLISHED", nullable = false)
  private boolean published;

  @Column(name = "CREATED_AT", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "UPDATED_AT", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected SharedTemplate() {}

  public SharedTemplate(String name, TemplateContent content, boolean published, Instant at) {
    this.createdAt = at.atOffset(ZoneOffset.UTC);
    change(name, content, published, at);
  }

  public void change(String newName, TemplateContent newContent, boolean publish, Instant at) {
    this.name = Templates.checkedName(newName);
    this.content = newContent;
    this.published = publish;
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

  public boolean isPublished() {
    return published;
  }

  public Instant getUpdatedAt() {
    return updatedAt.toInstant();
  }
}
