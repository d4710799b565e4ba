package de.rundbrief.domain.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CmsSourceTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "ftp://cms.example/feed",
        "javascript:alert(1)",
        "/feed/",
        "https://user:secret@cms.example/feed",
        "gopher://cms.example:70/"
      })
  void onlyAbsoluteHttpAddressesWithoutUserInfoAreSources(String address) {
    assertThatThrownBy(() -> CmsSource.parseUrl(address))
        .isInstanceOf(InvalidCmsSourceException.class)
        .hasMessageContaining("http or https");
  }

  @Test
  void anAddressIsKeptNormalised() {
    CmsSource source =
        new CmsSource(
            "  Presse  ",
            CmsSourceKind.FEED,
            CmsSource.parseUrl(" https://cms.example/news/../feed/?lang=de "),
            "ada",
            NOW);
    assertThat(source.getName()).isEqualTo("Presse");
    assertThat(source.getUrl()).isEqualTo(URI.create("https://cms.example/feed/?lang=de"));
    assertThat(source.hasCredentials()).isFalse();
  }

  @Test
  void aStoredPasswordAndAnAliasReplaceEachOther() {
    CmsSource source =
        new CmsSource(
            "Blog", CmsSourceKind.WORDPRESS, URI.create("https://blog.example/"), "ada", NOW);
    source.useSealedSecret("redaktion", "v1:sealed", "ada", NOW);
    assertThat(source.getSealedSecret()).isEqualTo("v1:sealed");
    source.useSecretAlias("redaktion", "cms.blog-password", "bob", NOW);
    assertThat(source.getSealedSecret()).isNull();
    assertThat(source.getSecretAlias()).isEqualTo("cms.blog-password");
    assertThat(source.getUpdatedBy()).isEqualTo("bob");
    source.removeCredentials("ada", NOW);
    assertThat(source.hasCredentials()).isFalse();
    assertThat(source.getSecretAlias()).isNull();
  }

  @Test
  void credentialsStayWithTheirServerAndGoWhenTheAddressMovesToAnother() {
    CmsSource source =
        new CmsSource(
            "Blog", CmsSourceKind.WORDPRESS, URI.create("https://blog.example/a"), "ada", NOW);
    source.useSealedSecret("redaktion", "v1:sealed", "ada", NOW);

    source.change(
        "Blog", CmsSourceKind.WORDPRESS, URI.create("https://BLOG.example:443/b?x=1"), "ada", NOW);
    assertThat(source.hasCredentials()).as("another path on the same server").isTrue();
    assertThat(source.getSealedSecret()).isEqualTo("v1:sealed");

    source.change(
        "Blog", CmsSourceKind.WORDPRESS, URI.create("https://elsewhere.example/b"), "bob", NOW);
    assertThat(source.hasCredentials()).isFalse();
    assertThat(source.getUsername()).isNull();
    assertThat(source.getSealedSecret()).isNull();

    source.useSecretAlias("redaktion", "cms.blog-password", "ada", NOW);
    source.change(
        "Blog", CmsSourceKind.WORDPRESS, URI.create("http://elsewhere.example/b"), "ada", NOW);
    assertThat(source.hasCredentials()).as("another scheme, another port").isFalse();
    assertThat(source.getSecretAlias()).isNull();
  }

  @Test
  void credentialsNeedAUserNameWithoutColonAndAPlainAlias() {
    CmsSource source =
        new CmsSource(
            "Blog", CmsSourceKind.WORDPRESS, URI.create("https://blog.example/"), "ada", NOW);
    assertThatThrownBy(() -> source.useSealedSecret(" ", "v1:x", "ada", NOW))
        .isInstanceOf(InvalidCmsSourceException.class);
    assertThatThrownBy(() -> source.useSealedSecret("a:b", "v1:x", "ada", NOW))
        .isInstanceOf(InvalidCmsSourceException.class);
    assertThatThrownBy(() -> source.useSecretAlias("redaktion", "${ALIAS=x}", "ada", NOW))
        .isInstanceOf(InvalidCmsSourceException.class);
  }
}
