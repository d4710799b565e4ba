package de.rundbrief.infrastructure.cms;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsFetchException.Reason;
import de.rundbrief.domain.cms.CmsSource;
import de.rundbrief.infrastructure.security.ApplicationSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
  private static final String FORMAT = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] CONTEXT = "rundbrief cms credential".getBytes(StandardCharsets.UTF_8);

  private final SecureRandom random = new SecureRandom();
  private SecretKeySpec key;
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
    this.key = new SecretKeySpec(key, "AES");
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
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
      byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
      return FORMAT + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a CMS password", e);
    }
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
    if (sealed == null || !sealed.startsWith(FORMAT)) {
      throw unreadable();
    }
    try {
      ByteBuffer in =
          ByteBuffer.wrap(Base64.getDecoder().decode(sealed.substring(FORMAT.length())));
      byte[] nonce = new byte[NONCE_BYTES];
      in.get(nonce);
      byte[] rest = new byte[in.remaining()];
      in.get(rest);
      return new String(cipher(Cipher.DECRYPT_MODE, nonce).doFinal(rest), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw unreadable();
    }
  }

  private static CmsFetchException unreadable() {
    return new CmsFetchException(
        Reason.UNAUTHORISED,
        "The stored password cannot be read with the server's key; enter it again");
  }

  private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(CONTEXT);
    return cipher;
  }
}
