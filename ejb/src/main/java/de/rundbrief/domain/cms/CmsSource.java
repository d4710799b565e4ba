package de.rundbrief.domain.cms;

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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/**
 * A place in the enterprise's CMS that central administrators register once and every tenant's
 * editors take content from. Central: it belongs to no tenant.
 *
 * <p>Credentials (a WordPress user and application password, or basic-auth for a feed) are kept
 * either sealed with the server's key or as the name of a secret the server provides; they are
 * never given out again, only whether there are some.
 */
@Entity
@Table(name = "CMS_SOURCE")
@SequenceGenerator(name = "cms_source_seq", sequenceName = "CMS_SOURCE_SEQ", allocationSize = 50)
public class CmsSource {

  public static final int NAME_MAX_LENGTH = 200;
  public static final int URL_MAX_LENGTH = 2000;
  public static final int USERNAME_MAX_LENGTH = 200;

  private static final Set<String> SCHEMES = Set.of("http", "https");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cms_source_seq")
  @Column(name = "ID")
  private Long id;

  @Column(name = "NAME", nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false, length = 16)
  private CmsSourceKind kind;

  @Column(name = "URL", nullable = false, length = URL_MAX_LENGTH)
  private String url;

  @Column(name = "USERNAME", length = USERNAME_MAX_LENGTH)
  private String username;

  /** The password sealed with the server's key; see the CMS infrastructure's credential vault. */
  @Column(name = "SEALED_SECRET", length = 2000)
  private String sealedSecret;

  /** The name under which the server's configuration holds the password. */
  @Column(name = "SECRET_ALIAS", length = 200)
  private String secretAlias;

  @Column(name = "CREATED_AT", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "UPDATED_AT", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "UPDATED_BY", nullable = false, length = 100)
  private String updatedBy;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected CmsSource() {}

  public CmsSource(String name, CmsSourceKind kind, URI url, String by, Instant at) {
    this.createdAt = at.atOffset(ZoneOffset.UTC);
    change(name, kind, url, by, at);
  }

  /**
   * Changes name, kind and address. Credentials belong to the server they were given for: an
   * address on another server (scheme, host or port) drops them, so that a stored password never
   * goes to a server it was not entered for; they must be entered again.
   *
   * @throws InvalidCmsSourceException for a blank or long name, or an address that is not absolute
   *     http or https
   */
  public void change(String newName, CmsSourceKind newKind, URI newUrl, String by, Instant at) {
    if (newName == null || newName.isBlank() || newName.strip().length() > NAME_MAX_LENGTH) {
      throw new InvalidCmsSourceException(
          "A CMS source needs a name of at most " + NAME_MAX_LENGTH + " characters");
    }
    if (newKind == null) {
      throw new InvalidCmsSourceException("A CMS source needs a kind: FEED, WORDPRESS or WEB_PAGE");
    }
    URI checked = checkedUrl(newUrl);
    if (url != null && !sameServer(URI.create(url), checked)) {
      username = null;
      sealedSecret = null;
      secretAlias = null;
    }
    this.name = newName.strip();
    this.kind = newKind;
    this.url = checked.toString();
    touch(by, at);
  }

  private static boolean sameServer(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI address) {
    return address.getPort() != -1
        ? address.getPort()
        : "https".equalsIgnoreCase(address.getScheme()) ? 443 : 80;
  }

  /** Sends no credentials from now on. */
  public void removeCredentials(String by, Instant at) {
    this.username = null;
    this.sealedSecret = null;
    this.secretAlias = null;
    touch(by, at);
  }

  /** Sends this user and the password sealed with the server's key. */
  public void useSealedSecret(String user, String sealed, String by, Instant at) {
    this.username = checkedUser(user);
    this.sealedSecret = sealed;
    this.secretAlias = null;
    touch(by, at);
  }

  /** Sends this user and the password the server's configuration holds under {@code alias}. */
  public void useSecretAlias(String user, String alias, String by, Instant at) {
    if (alias == null || !alias.strip().matches("[A-Za-z0-9._-]{1,200}")) {
      throw new InvalidCmsSourceException(
          "A secret alias is a configuration name of letters, digits, '.', '_' and '-'");
    }
    this.username = checkedUser(user);
    this.secretAlias = alias.strip();
    this.sealedSecret = null;
    touch(by, at);
  }

  /**
   * @throws InvalidCmsSourceException unless absolute http or https with a host, and no user info
   */
  public static URI checkedUrl(URI candidate) {
    if (candidate == null
        || candidate.getScheme() == null
        || !SCHEMES.contains(candidate.getScheme().toLowerCase(Locale.ROOT))
        || candidate.getHost() == null
        || candidate.getRawUserInfo() != null
        || candidate.toString().length() > URL_MAX_LENGTH) {
      throw new InvalidCmsSourceException(
          "A CMS source needs an absolute http or https address without user name, such as"
              + " https://cms.example.com/feed/");
    }
    return candidate.normalize();
  }

  /** {@code url} as an address; the same checks as {@link #checkedUrl(URI)}. */
  public static URI parseUrl(String url) {
    try {
      return checkedUrl(url == null ? null : new URI(url.strip()));
    } catch (URISyntaxException e) {
      throw new InvalidCmsSourceException("Not an address: " + url);
    }
  }

  private static String checkedUser(String user) {
    if (user == null || user.isBlank()) {
      throw new InvalidCmsSourceException("Credentials need a user name");
    }
    if (user.strip().length() > USERNAME_MAX_LENGTH || user.contains(":") || user.contains("\n")) {
      throw new InvalidCmsSourceException(
          "A user name has at most " + USERNAME_MAX_LENGTH + " characters and no ':'");
    }
    return user.strip();
  }

  private void touch(String by, Instant at) {
    this.updatedBy = by;
    this.updatedAt = at.atOffset(ZoneOffset.UTC);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public CmsSourceKind getKind() {
    return kind;
  }

  public URI getUrl() {
    return URI.create(url);
  }

  public String getUsername() {
    return username;
  }

  public String getSealedSecret() {
    return sealedSecret;
  }

  public String getSecretAlias() {
    return secretAlias;
  }

  public boolean hasCredentials() {
    return username != null;
  }

  public Instant getUpdatedAt() {
    return updatedAt.toInstant();
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
