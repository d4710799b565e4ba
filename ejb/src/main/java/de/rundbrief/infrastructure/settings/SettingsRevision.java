package de.rundbrief.infrastructure.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row that counts changes of settings (see {@link SettingsCache}). Only read and counted up
 * by queries, never changed as an entity.
 */
@Entity
@Table(name = "SETTING_REVISION")
public class SettingsRevision {

  /** The id of the one row. */
  public static final short ROW = 1;

  @Id
  @Column(name = "ID")
  private short id;

  @Column(name = "REVISION", nullable = false)
  private long revision;

  protected SettingsRevision() {}

  public long getRevision() {
    return revision;
  }
}
