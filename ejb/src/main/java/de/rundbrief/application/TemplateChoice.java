package de.rundbrief.application;

import java.io.Serializable;
import java.time.Instant;

/**
 * A template a tenant can start a mailing from: its own ({@code shared} false) or a published
 * shared one.
 */
public record TemplateChoice(
    long id, boolean shared, String name, String subject, Instant updatedAt)
    implements Serializable {

  public long getId() {
    return id;
  }

  public boolean isShared() {
    return shared;
  }

  public String getName() {
    return name;
  }

  public String getSubject() {
    return subject;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** {@code t12} or {@code s7}: one value for a choice in a form. */
  public String getKey() {
    return (shared ? "s" : "t") + id;
  }
}
