package de.rundbrief.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.cms.CmsSource;
import de.rundbrief.domain.cms.CmsSourceKind;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CMS sources on PostgreSQL: central rows, names unique, never both a sealed secret and alias. */
class CmsSourcePersistenceTest {

  private static final Instant AT = Instant.parse("2026-11-28T08:00:00Z");

  private static Jpa jpa;

  @BeforeAll
  static void open() {
    jpa = new Jpa(PostgresDatabase.get().app());
  }

  @AfterAll
  static void close() {
    jpa.close();
  }

  @AfterEach
  void removeSources() {
    Sql.update(PostgresDatabase.get().owner(), "DELETE FROM cms_source");
  }

  @Test
  void aSourceIsStoredWithItsSealedSecretAndReadByEveryTenant() {
    long id =
        central(
                repository -> {
                  CmsSource source =
                      new CmsSource(
                          "Konzern-Blog",
                          CmsSourceKind.WORDPRESS,
                          URI.create("https://blog.example/"),
                          "ada",
                          AT);
                  source.useSealedSecret("redaktion", "v1:c2VhbGVk", "ada", AT);
                  repository.add(source);
                  return source;
                })
            .getId();
    CmsSource read =
        jpa.inTenant("any-tenant", em -> new JpaCmsSourceRepository(em).find(id).orElseThrow());
    assertThat(read.getName()).isEqualTo("Konzern-Blog");
    assertThat(read.getKind()).isEqualTo(CmsSourceKind.WORDPRESS);
    assertThat(read.getUrl()).isEqualTo(URI.create("https://blog.example/"));
    assertThat(read.getUsername()).isEqualTo("redaktion");
    assertThat(read.getSealedSecret()).isEqualTo("v1:c2VhbGVk");
    Optional<CmsSource> byName = central(repository -> repository.findByName(" Konzern-Blog "));
    assertThat(byName).isPresent();
    assertThat(central(JpaCmsSourceRepository::all))
        .extracting(CmsSource::getName)
        .containsExactly("Konzern-Blog");
  }

  @Test
  void namesAreUnique() {
    central(
        repository -> {
          repository.add(
              new CmsSource(
                  "Presse", CmsSourceKind.FEED, URI.create("https://a.example/feed"), "ada", AT));
          return null;
        });
    assertThatThrownBy(
            () ->
                central(
                    repository -> {
                      repository.add(
                          new CmsSource(
                              "Presse",
                              CmsSourceKind.FEED,
                              URI.create("https://b.example/feed"),
                              "ada",
                              AT));
                      return null;
                    }))
        .hasStackTraceContaining("uq_cms_source_name");
  }

  @Test
  void theDatabaseRefusesASealedSecretAndAnAliasTogether() {
    assertThatThrownBy(
            () ->
                Sql.update(
                    PostgresDatabase.get().app(),
                    "INSERT INTO cms_source (id, name, kind, url, username, sealed_secret,"
                        + " secret_alias, created_at, updated_at, updated_by, version)"
                        + " VALUES (1, 'x', 'FEED', 'https://x.example/', 'u', 'v1:x', 'alias',"
                        + " now(), now(), 'ada', 1)"))
        .hasStackTraceContaining("ck_cms_source_one_secret");
    assertThat(Sql.column(PostgresDatabase.get().owner(), "SELECT name FROM cms_source"))
        .isEqualTo(List.of());
  }

  private static <T> T central(Function<JpaCmsSourceRepository, T> work) {
    return jpa.inTransaction(null, null, em -> work.apply(new JpaCmsSourceRepository(em)));
  }
}
