package de.rundbrief.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.mailing.SharedTemplate;
import de.rundbrief.domain.mailing.TemplateContent;
import de.rundbrief.testsupport.Jpa;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared templates on H2, the database of the default run, where a boolean in a query is easily
 * written as a number H2 will not compare with a boolean column.
 */
class TemplatesOnH2Test {

  private static final Instant AT = Instant.parse("2026-11-28T08:00:00Z");

  private static Jpa jpa;

  @BeforeAll
  static void database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:templates-test;DB_CLOSE_DELAY=-1");
    SchemaMigrations.migrate(h2);
    jpa = new Jpa(h2);
  }

  @AfterAll
  static void close() {
    jpa.close();
  }

  @Test
  void publishedSharedTemplatesForEditorsAndAllForCentralAdministrators() {
    jpa.inTransaction(
        "any-tenant",
        null,
        em -> {
          JpaTemplates templates = new JpaTemplates(em);
          templates.add(
              new SharedTemplate(
                  "B published", new TemplateContent("B", null, "<p>B</p>"), true, AT));
          templates.add(
              new SharedTemplate("A draft", new TemplateContent("A", null, "<p>A</p>"), false, AT));
          return null;
        });

    List<String> forEditors =
        jpa.inTransaction("any-tenant", null, em -> names(new JpaTemplates(em).shared(true)));
    List<String> forCentral =
        jpa.inTransaction("any-tenant", null, em -> names(new JpaTemplates(em).shared(false)));

    assertThat(forEditors).containsExactly("B published");
    assertThat(forCentral).containsExactly("A draft", "B published");
  }

  private static List<String> names(List<SharedTemplate> templates) {
    return templates.stream().map(SharedTemplate::getName).toList();
  }
}
