package de.rundbrief.application;

import de.rundbrief.domain.cms.CmsSource;
import de.rundbrief.domain.cms.CmsSourceKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What central administrators enter for a CMS source. Credentials: a {@code password} is sealed and
 * stored, a {@code secretAlias} names a secret the server holds; with neither, the stored
 * credentials stay as they are, unless {@code removeCredentials}.
 */
public record CmsSourceData(
    @NotBlank(message = "{rundbrief.cms.name.required}")
        @Size(max = CmsSource.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String name,
    @NotNull(message = "{rundbrief.cms.kind.required}") CmsSourceKind kind,
    @NotBlank(message = "{rundbrief.cms.url.required}")
        @Size(max = CmsSource.URL_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String url,
    @Size(max = CmsSource.USERNAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String username,
    @Size(max = 1000, message = "{rundbrief.name.too-long}") String password,
    @Size(max = 200, message = "{rundbrief.name.too-long}") String secretAlias,
    boolean removeCredentials) {

  /** Without credentials. */
  public static CmsSourceData of(String name, CmsSourceKind kind, String url) {
    return new CmsSourceData(name, kind, url, null, null, null, false);
  }

  boolean hasPassword() {
    return password != null && !password.isEmpty();
  }

  boolean hasAlias() {
    return secretAlias != null && !secretAlias.isBlank();
  }
}
