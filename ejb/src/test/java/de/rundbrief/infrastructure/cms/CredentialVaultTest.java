package de.rundbrief.infrastructure.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsSource;
import de.rundbrief.domain.cms.CmsSourceKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialVaultTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final byte[] KEY = filled(7);

  private final CredentialVault vault = new CredentialVault(KEY, name -> Optional.empty());

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }

  private static CmsSource source() {
    return new CmsSource(
        "Konzern-Blog", CmsSourceKind.WORDPRESS, URI.create("https://blog.example/"), "ada", NOW);
  }

  @Test
  void aSealedPasswordIsUnreadableAndDifferentEachTime() {
    String first = vault.seal("abcd EFGH 1234");
    String second = vault.seal("abcd EFGH 1234");
    assertThat(first).startsWith("v1:").doesNotContain("abcd").isNotEqualTo(second);
    assertThat(vault.open(first)).isEqualTo("abcd EFGH 1234");
    assertThat(vault.open(second)).isEqualTo("abcd EFGH 1234");
  }

  @Test
  void theSourceSendsBasicCredentialsFromTheSealedPassword() {
    CmsSource source = source();
    source.useSealedSecret("redaktion", vault.seal("pässwort"), "ada", NOW);
    String header = vault.basicAuthorization(source);
    assertThat(
            new String(
                Base64.getDecoder().decode(header.substring("Basic ".length())),
                StandardCharsets.UTF_8))
        .isEqualTo("redaktion:pässwort");
  }

  @Test
  void anotherKeyCannotOpenTheSealedPassword() {
    CmsSource source = source();
    source.useSealedSecret("redaktion", vault.seal("geheim"), "ada", NOW);
    CredentialVault other = new CredentialVault(filled(8), name -> Optional.empty());
    assertThatThrownBy(() -> other.basicAuthorization(source))
        .isInstanceOfSatisfying(
            CmsFetchException.class,
            e -> assertThat(e.reason()).isEqualTo(CmsFetchException.Reason.UNAUTHORISED))
        .hasMessageContaining("enter it again");
  }

  @Test
  void anAliasIsLookedUpInTheServerConfiguration() {
    CredentialVault configured =
        new CredentialVault(
            KEY, name -> Optional.ofNullable(Map.of("cms.wp", "vom-server").get(name)));
    CmsSource source = source();
    source.useSecretAlias("redaktion", "cms.wp", "ada", NOW);
    assertThat(configured.basicAuthorization(source))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("redaktion:vom-server".getBytes(StandardCharsets.UTF_8)));
    source.useSecretAlias("redaktion", "cms.missing", "ada", NOW);
    assertThatThrownBy(() -> configured.basicAuthorization(source))
        .isInstanceOf(CmsFetchException.class)
        .hasMessageContaining("cms.missing");
  }

  @Test
  void aSourceWithoutCredentialsSendsNone() {
    assertThat(vault.basicAuthorization(source())).isNull();
  }
}
