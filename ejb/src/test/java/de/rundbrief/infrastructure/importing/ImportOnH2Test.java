package de.rundbrief.infrastructure.importing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.rundbrief.domain.importing.ExistingSubscribers;
import de.rundbrief.domain.importing.ImportJob;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.importing.ImportProblem;
import de.rundbrief.domain.importing.ImportProblemReason;
import de.rundbrief.domain.importing.ImportState;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.persistence.SchemaMigrations;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import engine on the embedded H2 database of the demo run, which has no data-modifying WITH
 * clauses: the step-by-step apply gives the same result as PostgreSQL's single statement.
 */
class ImportOnH2Test {

  private static final String TENANT = "h2-imp";
  private static final TenantKey KEY = TenantKey.of(TENANT);

  private static ImportFixture imports;
  private static long listId;
  private static long otherListId;

  @BeforeAll
  static void database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:import-test;DB_CLOSE_DELAY=-1");
    SchemaMigrations.migrate(h2);
    listId = ImportFixture.tenantWithList(h2, false, TENANT, "Kunden");
    ImportFixture.field(h2, false, TENANT, "plz", "TEXT", null);
    ImportFixture.field(h2, false, TENANT, "newsletter", "BOOLEAN", null);
    otherListId = ImportFixture.listIn(h2, false, TENANT, "Presse");
    imports = new ImportFixture(h2, false);
  }

  @AfterAll
  static void close() {
    imports.close();
  }

  @Test
  void newAndKnownAddressesAreAppliedStepByStep() {
    long first =
        run(
            listId,
            ImportOptions.of("email", "first", "last"),
            "email;first;last\nanna@h2.example;Anna;Alt\nben@h2.example;Ben;\nbroken\n");
    ImportJob done = imports.read(TENANT, first);
    assertThat(done.getState()).isEqualTo(ImportState.DONE);
    assertThat(done.getImported()).isEqualTo(2);
    assertThat(done.getProblems()).isEqualTo(1);
    List<ImportProblem> problems =
        imports.inTenant(KEY, c -> ImportStaging.problemsAfter(c, first, 0, 10));
    assertThat(problems)
        .extracting(ImportProblem::line, ImportProblem::reason)
        .containsExactly(tuple(4L, ImportProblemReason.WRONG_COLUMN_COUNT));

    long second =
        run(
            otherListId,
            ImportOptions.of("email", "first", "last")
                .withExisting(ExistingSubscribers.UPDATE)
                .withLegalBasis("Vertrag"),
            "email;first;last\nanna@h2.example;;Neu\ncarl@h2.example;Carl;\n");
    ImportJob updated = imports.read(TENANT, second);
    assertThat(updated.getImported()).isEqualTo(1);
    assertThat(updated.getUpdated()).isEqualTo(1);
    assertThat(updated.getSkipped()).isZero();
    assertThat(
            imports.strings(
                TENANT,
                "SELECT s.email || ' ' || s.first_name || ' ' || s.last_name FROM subscriber s"
                    + " WHERE s.email = 'anna@h2.example'"))
        .containsExactly("anna@h2.example Anna Neu");
    assertThat(
            imports.strings(
                TENANT,
                "SELECT s.email || ':' || l.name || ':' || x.status || ':' || e.event_type || ':'"
                    + " || e.source || ':' || COALESCE(e.detail, '-')"
                    + " FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id"
                    + " JOIN mailing_list l ON l.id = x.mailing_list_id"
                    + " JOIN consent_event e ON e.subscriber_id = s.id"
                    + " AND e.mailing_list_id = x.mailing_list_id"
                    + " WHERE s.email LIKE '%@h2.example' ORDER BY s.email, l.name"))
        .containsExactly(
            "anna@h2.example:Kunden:PENDING:REQUESTED:IMPORT:-",
            "anna@h2.example:Presse:SUBSCRIBED:SUBSCRIBED:IMPORT:Vertrag",
            "ben@h2.example:Kunden:PENDING:REQUESTED:IMPORT:-",
            "carl@h2.example:Presse:SUBSCRIBED:SUBSCRIBED:IMPORT:Vertrag");
    assertThat(imports.count(TENANT, "SELECT count(*) FROM import_row")).isZero();
  }

  @Test
  void fieldValuesGoToNewSubscribersAndWhenUpdatingToKnownOnes() {
    run(
        listId,
        ImportOptions.of("email", null, null)
            .withFieldColumns(Map.of("plz", "PLZ", "newsletter", "NL")),
        "email;PLZ;NL\nfeld@felder.example;20095;nein\nalt@felder.example;;ja\nfalsch@felder.example;1;vielleicht\n");
    long updating =
        run(
            listId,
            ImportOptions.of("email", null, null)
                .withExisting(ExistingSubscribers.UPDATE)
                .withFieldColumns(Map.of("plz", "PLZ")),
            "email;PLZ\nfeld@felder.example;10115\nalt@felder.example;\n");

    assertThat(imports.read(TENANT, updating).getUpdated()).isEqualTo(2);
    assertThat(
            imports.strings(
                TENANT,
                "SELECT s.email || ':' || d.attribute_key || '=' || coalesce(v.text_value,"
                    + " CAST(v.boolean_value AS VARCHAR)) FROM attribute_value v"
                    + " JOIN attribute_definition d ON d.id = v.definition_id"
                    + " JOIN subscriber s ON s.id = v.subscriber_id"
                    + " WHERE s.email LIKE '%@felder.example' ORDER BY s.email, d.attribute_key"))
        .containsExactly(
            "alt@felder.example:newsletter=TRUE",
            "feld@felder.example:newsletter=FALSE",
            "feld@felder.example:plz=10115");
    assertThat(imports.count(TENANT, "SELECT count(*) FROM import_value")).isZero();
  }

  @Test
  void aFailureDuringTheApplyLeavesNothing() {
    long job =
        imports.job(
            TENANT,
            listId,
            ImportOptions.of("email", null, null),
            "email\nfail@h2.example\n".getBytes(UTF_8));
    ImportState end =
        imports
            .runner()
            .afterApply(
                c -> {
                  throw new IllegalStateException("injected");
                })
            .run(KEY, job);
    assertThat(end).isEqualTo(ImportState.FAILED);
    assertThat(
            imports.count(
                TENANT, "SELECT count(*) FROM subscriber WHERE email = 'fail@h2.example'"))
        .isZero();
    assertThat(imports.count(TENANT, "SELECT count(*) FROM import_row")).isZero();
  }

  private static long run(long list, ImportOptions options, String file) {
    long job = imports.job(TENANT, list, options, file.getBytes(UTF_8));
    imports.runner().run(KEY, job);
    return job;
  }
}
