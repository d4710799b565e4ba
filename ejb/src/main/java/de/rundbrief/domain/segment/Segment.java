package de.rundbrief.domain.segment;

import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
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
import java.util.Objects;

/** A saved filter of one tenant's subscribers, with a name. */
@Entity
@Table(name = "SEGMENT")
@SequenceGenerator(name = "segment_seq", sequenceName = "SEGMENT_SEQ", allocationSize = 50)
public class Segment extends TenantOwnedEntity {

  public static final int NAME_MAX_LENGTH = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "segment_seq")
  @Column(name = "ID")
  private Long id;

  @Column(name = "NAME", nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  @Column(name = "DEFINITION", nullable = false, length = 20000)
  private String definition;

  @Column(name = "CREATED_AT", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Segment() {}

  public Segment(String name, SegmentDefinition definition, Instant at) {
    rename(name);
    redefine(definition);
    this.createdAt = Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
  }

  public void rename(String newName) {
    if (newName == null || newName.isBlank() || newName.strip().length() > NAME_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A segment needs a name of at most " + NAME_MAX_LENGTH + " characters");
    }
    this.name = newName.strip();
  }

  public void redefine(SegmentDefinition newDefinition) {
    this.definition = Objects.requireNonNull(newDefinition, "definition").toJson();
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public SegmentDefinition getDefinition() {
    return SegmentDefinition.fromJson(definition);
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }
}
