package de.rundbrief.infrastructure.cms;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsFetchException.Reason;
import de.rundbrief.domain.cms.CmsSource;
import de.rundbrief.infrastructure.security.AesGcmSeal;
import de.rundbrief.infrastructure.security.ApplicationSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Keeps CMS passwords unreadable at rest, and finds those the server holds.
 *
 * <p>A stored password is sealed with AES-256-GCM. The key is the server's configuration value
 * {@value #KEY_PROPERTY} (Base64 of 32 bytes; IT keeps it as a password alias or an environment
 * variable, outside the database), or, where IT has set none, a key Rundbrief generates and keeps
 * in its database; then a copy of the database reveals the passwords, and the log says so once.
 *
 * <p>A secret alias names a configuration value that holds the password (a Payara password alias, a
 * system property or an environment variable), so that the password never reaches Rundbrief's
 * database at all.
 */
@ApplicationScoped
public class CredentialVault {

  /** The configuration name of the sealing key. */
  public static final String KEY_PROPERTY = "rundbrief.cms.credential-key";

  static final String GENERATED_KEY_NAME = "cms-credential";

  private static final Logger LOG = Logger.getLogger(CredentialVault.class.getName());

  /** Marks a sealed password in the database, where a person may look. */
  private static final String PREFIX = "v1:";

  private static final int MAX_SEALED_CHARS = 2000;

  private AesGcmSeal box;
  private Function<String, Optional<String>> configuration;

  protected CredentialVault() {}

  @Inject
  public CredentialVault(Config config, ApplicationSecrets secrets) {
    this(keyFrom(config, secrets), name -> config.getOptionalValue(name, String.class));
  }

  /** With a key of its own and a lookup for aliases, outside the container. */
  public CredentialVault(byte[] key, Function<String, Optional<String>> configuration) {
    if (key.length != 32) {
      throw new IllegalArgumentException("The credential key needs 32 bytes, not " + key.length);
    }
    this.box = new AesGcmSeal(key, "rundbrief cms credential", (byte) 1);
    this.configuration = configuration;
  }

  private static byte[] keyFrom(Config config, ApplicationSecrets secrets) {
    Optional<String> configured = config.getOptionalValue(KEY_PROPERTY, String.class);
    if (configured.isPresent()) {
      try {
        return Base64.getDecoder().decode(configured.get().strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(KEY_PROPERTY + " is not Base64", e);
      }
    }
    LOG.warning(
        KEY_PROPERTY
            + " is not configured: CMS passwords are sealed with a key kept in the database");
    return secrets.key(GENERATED_KEY_NAME);
  }

  /** The password, sealed; a different text each time. */
  public String seal(String password) {
    return PREFIX + box.seal(password.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The source's user and password as an HTTP Basic Authorization header, or {@code null} for a
   * source without credentials.
   *
   * @throws CmsFetchException (unauthorised) if the sealed password cannot be opened with this key
   *     or the server holds no value under the alias
   */
  public String basicAuthorization(CmsSource source) {
    if (!source.hasCredentials()) {
      return null;
    }
    String password =
        source.getSecretAlias() != null
            ? configuration
                .apply(source.getSecretAlias())
                .orElseThrow(
                    () ->
                        new CmsFetchException(
                            Reason.UNAUTHORISED,
                            "The server holds no secret named " + source.getSecretAlias()))
            : open(source.getSealedSecret());
    String pair = source.getUsername() + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  String open(String sealed) {
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      throw unreadable();
    }
    return box.open(sealed.substring(PREFIX.length()), MAX_SEALED_CHARS)
        .map(plain -> new String(plain, StandardCharsets.UTF_8))
        .orElseThrow(CredentialVault::unreadable);
  }

  private static CmsFetchException unreadable() {
    return new CmsFetchException(
        Reason.UNAUTHORISED,
        "The stored password cannot be read with the server's key; enter it again");
  }
}
