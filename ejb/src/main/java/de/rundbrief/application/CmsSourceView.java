package de.rundbrief.application;

import de.rundbrief.domain.cms.CmsSource;
import de.rundbrief.domain.cms.CmsSourceKind;
import java.io.Serializable;
import java.time.Instant;

/**
 * A CMS source as screens and the API show it: whether it has credentials and how they are kept,
 * never the password.
 */
public record CmsSourceView(
    long id,
    String name,
    CmsSourceKind kind,
    String url,
    Credentials credentials,
    String username,
    String secretAlias,
    Instant updatedAt,
    String updatedBy)
    implements Serializable {

  /** How a source's password is kept. */
  public enum Credentials {
    NONE,
    /** Sealed with the server's key in Rundbrief's database. */
    STORED,
    /** Held by the server under {@link #secretAlias()}. */
    ALIAS
  }

  // Bean getters for Faces: Jakarta EL 5 does not read record components.

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public CmsSourceKind getKind() {
    return kind;
  }

  public String getUrl() {
    return url;
  }

  public Credentials getCredentials() {
    return credentials;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  static CmsSourceView of(CmsSource source) {
    Credentials credentials =
        !source.hasCredentials()
            ? Credentials.NONE
            : source.getSecretAlias() != null ? Credentials.ALIAS : Credentials.STORED;
    return new CmsSourceView(
        source.getId(),
        source.getName(),
        source.getKind(),
        source.getUrl().toString(),
        credentials,
        source.getUsername(),
        source.getSecretAlias(),
        source.getUpdatedAt(),
        source.getUpdatedBy());
  }
}
