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
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.persistence.Repositories;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import engine on PostgreSQL as the application's role: what a file's rows turn into, every
 * kind of bad row, and that a failed, cancelled or foreign import changes nothing.
 */
class ImportRunnerTest {

  private static final String A = "imp-a";
  private static final String B = "imp-b";
  private static final TenantKey KEY_A = TenantKey.of(A);
  private static final TenantKey KEY_B = TenantKey.of(B);

  private static ImportFixture imports;
  private static long listA;
  private static long otherListA;
  private static long listB;
  private static final AtomicInteger unique = new AtomicInteger();

  @BeforeAll
  static void twoTenantsWithLists() {
    PostgresDatabase db = PostgresDatabase.get();
    listA = ImportFixture.tenantWithList(db.owner(), true, A, "Kunden");
    ImportFixture.field(db.owner(), true, A, "firma", "TEXT", null);
    ImportFixture.field(db.owner(), true, A, "alter", "NUMBER", null);
    ImportFixture.field(db.owner(), true, A, "seit", "DATE", null);
    ImportFixture.field(db.owner(), true, A, "stufe", "CHOICE", "Silber\nGold");
    ImportFixture.field(db.owner(), true, A, "aktiv", "BOOLEAN", null);
    listB = ImportFixture.tenantWithList(db.owner(), true, B, "Kunden");
    otherListA = ImportFixture.listIn(db.owner(), true, A, "Presse");
    imports = new ImportFixture(db.app(), true);
  }

  @AfterAll
  static void close() {
    imports.close();
  }

  @Test
  void goodRowsBecomeSubscribersWithPendingSubscriptionsAndARequestedConsentRecord() {
    String p = prefix();
    long job =
        run(
            A,
            listA,
            ImportOptions.of("e-mail", "VORNAME", "Nachname"),
            "E-Mail;Vorname;Nachname\n"
                + p
                + "anna@example.org;Anna;Auer\n"
                + " "
                + p.toUpperCase()
                + "BEN@Example.org ;Ben;\n"
                + p
                + "clara@example.org;;Cramer\n");
    ImportJob done = imports.read(A, job);
    assertThat(done.getState()).isEqualTo(ImportState.DONE);
    assertThat(done.getRowsRead()).isEqualTo(3);
    assertThat(done.getImported()).isEqualTo(3);
    assertThat(done.getUpdated()).isZero();
    assertThat(done.getSkipped()).isZero();
    assertThat(done.getProblems()).isZero();
    assertThat(done.getProgress()).isEqualTo(100);
    assertThat(done.getFinishedAt()).isNotNull();
    assertThat(
            imports.strings(
                A,
                "SELECT s.email || '|' || coalesce(s.first_name, '-') || '|'"
                    + " || coalesce(s.last_name, '-') || '|' || s.status || '|' || x.status"
                    + " FROM subscriber s JOIN subscription x ON x.subscriber_id = s.id"
                    + " WHERE x.mailing_list_id = ? AND s.email LIKE ? ORDER BY s.email",
                listA,
                p + "%"))
        .containsExactly(
            p + "anna@example.org|Anna|Auer|ACTIVE|PENDING",
            p + "ben@example.org|Ben|-|ACTIVE|PENDING",
            p + "clara@example.org|-|Cramer|ACTIVE|PENDING");
    assertThat(
            imports.strings(
                A,
                "SELECT e.event_type || '|' || e.source || '|' || coalesce(e.detail, '-') || '|'"
                    + " || e.list_name FROM consent_event e JOIN subscriber s"
                    + " ON s.id = e.subscriber_id WHERE s.email LIKE ?",
                p + "%"))
        .containsExactly(
            "REQUESTED|IMPORT|-|Kunden", "REQUESTED|IMPORT|-|Kunden", "REQUESTED|IMPORT|-|Kunden");
    assertThat(imports.count(A, "SELECT count(*) FROM import_row WHERE job_id = ?", job)).isZero();
    assertThat(imports.count(A, "SELECT count(*) FROM import_upload WHERE job_id = ?", job))
        .isZero();
  }

  @Test
  void withALegalBasisSubscriptionsStartAtOnceAndTheBasisIsKeptAsConsentProof() {
    String p = prefix();
    long job =
        run(
            A,
            listA,
            emailOnly().withLegalBasis("  Kundenvertrag Art. 6 (1) b DSGVO "),
            "email\n" + p + "dora@example.org\n");
    assertThat(imports.read(A, job).getImported()).isEqualTo(1);
    assertThat(
            imports.strings(
                A,
                "SELECT x.status || '|' || (x.subscribed_at IS NOT NULL) || '|' || e.event_type"
                    + " || '|' || e.source || '|' || e.detail FROM subscription x"
                    + " JOIN subscriber s ON s.id = x.subscriber_id"
                    + " JOIN consent_event e ON e.subscriber_id = s.id"
                    + " WHERE s.email = ?",
                p + "dora@example.org"))
        .containsExactly("SUBSCRIBED|true|SUBSCRIBED|IMPORT|Kundenvertrag Art. 6 (1) b DSGVO");
  }

  @Test
  void knownSubscribersAreSkippedByDefaultAndLeftAsTheyAre() {
    String p = prefix();
    run(A, listA, options(), "email,first,last\n" + p + "eva@example.org,Eva,Early\n");
    long job =
        run(
            A,
            otherListA,
            options(),
            "email,first,last\n"
                + p
                + "eva@example.org,Evelyn,Late\n"
                + p
                + "fritz@example.org,Fritz,\n");
    ImportJob done = imports.read(A, job);
    assertThat(done.getImported()).isEqualTo(1);
    assertThat(done.getSkipped()).isEqualTo(1);
    assertThat(done.getUpdated()).isZero();
    assertThat(
            imports.strings(
                A,
                "SELECT first_name || ' ' || last_name || ' ' || version FROM subscriber"
                    + " WHERE email = ?",
                p + "eva@example.org"))
        .containsExactly("Eva Early 1");
    assertThat(memberships(p + "eva@example.org")).containsExactly("Kunden:PENDING");
  }

  @Test
  void knownSubscribersAreUpdatedWhenAskedButTheirSubscriptionsStayAsTheyAre() {
    String p = prefix();
    run(
        A,
        listA,
        options(),
        "email,first,last\n" + p + "gerd@example.org,Gerd,Gans\n" + p + "hanna@example.org,,\n");
    imports.inTenant(
        KEY_A,
        c ->
            Sql.execute(
                c,
                "UPDATE subscription SET status = 'UNSUBSCRIBED' WHERE subscriber_id ="
                    + " (SELECT id FROM subscriber WHERE email = ?)",
                p + "hanna@example.org"));
    long again =
        run(
            A,
            listA,
            options().withExisting(ExistingSubscribers.UPDATE).withLegalBasis("Vertrag"),
            "email,first,last\n"
                + p
                + "gerd@example.org,,Gold\n"
                + p
                + "hanna@example.org,Hanna,\n");
    ImportJob done = imports.read(A, again);
    assertThat(done.getUpdated()).isEqualTo(2);
    assertThat(done.getImported()).isZero();
    assertThat(done.getSkipped()).isZero();
    assertThat(
            imports.strings(
                A,
                "SELECT email || ' ' || coalesce(first_name, '-') || ' ' || coalesce(last_name, '-')"
                    + " FROM subscriber WHERE email LIKE ? ORDER BY email",
                p + "%"))
        .containsExactly(p + "gerd@example.org Gerd Gold", p + "hanna@example.org Hanna -");
    assertThat(memberships(p + "hanna@example.org")).containsExactly("Kunden:UNSUBSCRIBED");
    assertThat(memberships(p + "gerd@example.org")).containsExactly("Kunden:PENDING");

    long toOtherList =
        run(
            A,
            otherListA,
            emailOnly().withExisting(ExistingSubscribers.UPDATE).withLegalBasis("Vertrag"),
            "email\n" + p + "gerd@example.org\n");
    assertThat(imports.read(A, toOtherList).getUpdated()).isEqualTo(1);
    assertThat(memberships(p + "gerd@example.org"))
        .containsExactly("Kunden:PENDING", "Presse:SUBSCRIBED");
    assertThat(
            imports.strings(
                A,
                "SELECT e.list_name || ':' || e.event_type || ':' || coalesce(e.detail, '-')"
                    + " FROM consent_event e JOIN subscriber s ON s.id = e.subscriber_id"
                    + " WHERE s.email = ? ORDER BY e.id",
                p + "gerd@example.org"))
        .containsExactly("Kunden:REQUESTED:-", "Presse:SUBSCRIBED:Vertrag");
  }

  @Test
  void mappedColumnsFillTheTenantsFieldsTypedAndBadValuesAreReportedByLine() {
    String p = prefix();
    long job =
        run(
            A,
            listA,
            options()
                .withFieldColumns(
                    fieldColumns(
                        "firma",
                        "Firma",
                        "alter",
                        "Alter",
                        "seit",
                        "Kunde seit",
                        "stufe",
                        "Stufe",
                        "aktiv",
                        "Aktiv")),
            "email;first;last;Firma;Alter;Kunde seit;Stufe;Aktiv\n"
                + p
                + "ida@example.org;Ida;;ACME GmbH;41,5;03.02.2024;gold;ja\n"
                + p
                + "jan@example.org;Jan;;;;;;\n"
                + p
                + "kai@example.org;Kai;;X;vierzig;;;\n"
                + p
                + "lea@example.org;Lea;;X;;31.02.2024;;\n"
                + p
                + "max@example.org;Max;;X;;;platin;\n");
    ImportJob done = imports.read(A, job);
    assertThat(done.getState()).isEqualTo(ImportState.DONE);
    assertThat(done.getImported()).isEqualTo(2);
    assertThat(done.getProblems()).isEqualTo(3);
    List<ImportProblem> problems =
        imports.inTenant(KEY_A, c -> ImportStaging.problemsAfter(c, job, 0, 100));
    assertThat(problems)
        .extracting(ImportProblem::line, ImportProblem::reason)
        .containsExactly(
            tuple(4L, ImportProblemReason.INVALID_VALUE),
            tuple(5L, ImportProblemReason.INVALID_VALUE),
            tuple(6L, ImportProblemReason.INVALID_VALUE));
    assertThat(problems.get(0).detail()).contains("Feld alter").contains("vierzig");
    assertThat(fieldsOf(p + "ida@example.org"))
        .containsExactly(
            "aktiv=true", "alter=41.5", "firma=ACME GmbH", "seit=2024-02-03", "stufe=Gold");
    assertThat(fieldsOf(p + "jan@example.org")).as("empty cells set nothing").isEmpty();
    assertThat(imports.count(A, "SELECT count(*) FROM import_value WHERE job_id = ?", job))
        .as("the staged values go with the job")
        .isZero();
  }

  @Test
  void knownSubscribersGetTheFilesFieldValuesOnlyWhenUpdatingAndEmptyCellsKeepTheirs() {
    String p = prefix();
    run(
        A,
        listA,
        options().withFieldColumns(fieldColumns("firma", "Firma", "alter", "Alter")),
        "email;first;last;Firma;Alter\n" + p + "ole@example.org;Ole;;Alt AG;50\n");

    run(
        A,
        listA,
        options().withFieldColumns(fieldColumns("firma", "Firma", "alter", "Alter")),
        "email;first;last;Firma;Alter\n" + p + "ole@example.org;;;Neu AG;51\n");
    assertThat(fieldsOf(p + "ole@example.org"))
        .as("skipped by default")
        .containsExactly("alter=50", "firma=Alt AG");

    long updating =
        run(
            A,
            listA,
            options()
                .withExisting(ExistingSubscribers.UPDATE)
                .withFieldColumns(fieldColumns("firma", "Firma", "alter", "Alter")),
            "email;first;last;Firma;Alter\n"
                + p
                + "ole@example.org;;;Neu AG;\n"
                + p
                + "pia@example.org;Pia;;Pia KG;33\n");
    assertThat(imports.read(A, updating).getUpdated()).isEqualTo(1);
    assertThat(imports.read(A, updating).getImported()).isEqualTo(1);
    assertThat(fieldsOf(p + "ole@example.org")).containsExactly("alter=50", "firma=Neu AG");
    assertThat(fieldsOf(p + "pia@example.org")).containsExactly("alter=33", "firma=Pia KG");
    assertThat(
            imports.count(
                B,
                "SELECT count(*) FROM attribute_value v JOIN subscriber s ON s.id ="
                    + " v.subscriber_id WHERE s.email LIKE ?",
                p + "%"))
        .as("nothing in another tenant")
        .isZero();
  }

  @Test
  void aMappedFieldTheTenantDoesNotHaveFailsTheImportNamingIt() {
    long job =
        run(
            A,
            listA,
            emailOnly().withFieldColumns(fieldColumns("gibtsnicht", "email")),
            "email\n" + prefix() + "x@example.org\n");

    ImportJob failed = imports.read(A, job);
    assertThat(failed.getState()).isEqualTo(ImportState.FAILED);
    assertThat(failed.getFailure()).contains("no field \"gibtsnicht\"");
  }

  @Test
  void everyBadRowIsReportedWithItsLineAndTheGoodRowsAreImported() throws Exception {
    String p = prefix();
    String suppressed = p + "gone@example.org";
    String hash = independentHash(A, suppressed);
    imports.inTenant(
        KEY_A,
        c ->
            Sql.execute(
                c,
                "INSERT INTO suppressed_address (tenant_id, address_hash, reason, suppressed_at)"
                    + " VALUES (?, ?, 'ERASED', now())",
                A,
                hash));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    write(file, "email;first;last\n"); // 1
    write(file, p + "ok1@example.org;Olga;Ohm\n"); // 2
    write(file, "not-an-address;Nina;\n"); // 3
    write(file, p + "ok2@example.org;too;many;fields\n"); // 4
    write(file, p + "latin@example.org;J");
    file.write(0xFC); // ü in Latin-1, invalid in UTF-8
    write(file, "rgen;\n"); // 5
    write(file, p.toUpperCase() + "OK1@example.org;Olga;Again\n"); // 6
    write(file, suppressed + ";Gone;\n"); // 7
    write(file, p + "multi@example.org;\"Anna\r\nMaria\";Mehr\n"); // 8-9
    write(file, "j\u00fcrgen@example.org;J\u00fcrgen;\n"); // 10
    write(file, p + "long@example.org;" + "x".repeat(101) + ";\n"); // 11
    write(file, ";Empty;\n"); // 12
    write(file, p + "ok3@example.org;\u00c4nne;\u00d6zt\u00fcrk\n"); // 13
    write(file, p + "open@example.org;\"never closed;\n"); // 14
    long job = run(A, listA, options(), file.toByteArray());

    ImportJob done = imports.read(A, job);
    assertThat(done.getState()).isEqualTo(ImportState.DONE);
    assertThat(done.getRowsRead()).isEqualTo(12);
    assertThat(done.getImported()).isEqualTo(3);
    assertThat(done.getProblems()).isEqualTo(9);
    List<ImportProblem> problems =
        imports.inTenant(KEY_A, c -> ImportStaging.problemsAfter(c, job, 0, 100));
    assertThat(problems)
        .extracting(ImportProblem::line, ImportProblem::reason)
        .containsExactly(
            tuple(3L, ImportProblemReason.INVALID_EMAIL),
            tuple(4L, ImportProblemReason.WRONG_COLUMN_COUNT),
            tuple(5L, ImportProblemReason.INVALID_BYTES),
            tuple(6L, ImportProblemReason.DUPLICATE),
            tuple(7L, ImportProblemReason.SUPPRESSED),
            tuple(10L, ImportProblemReason.INVALID_EMAIL),
            tuple(11L, ImportProblemReason.TOO_LONG),
            tuple(12L, ImportProblemReason.INVALID_EMAIL),
            tuple(14L, ImportProblemReason.UNTERMINATED_QUOTE));
    assertThat(problems.get(0).detail()).isEqualTo("\"not-an-address\" is not an e-mail address");
    assertThat(problems.get(3).detail()).contains("line 2");
    assertThat(problems.get(5).detail()).contains("j\u00fcrgen@example.org");
    assertThat(
            imports.strings(
                A,
                "SELECT email || '|' || coalesce(first_name, '-') || '|' || last_name"
                    + " FROM subscriber WHERE email LIKE ? ORDER BY email",
                p + "%"))
        .containsExactly(
            p + "multi@example.org|Anna Maria|Mehr",
            p + "ok1@example.org|Olga|Ohm",
            p + "ok3@example.org|\u00c4nne|\u00d6zt\u00fcrk");
  }

  /**
   * An erased address leaves the problem reports of the tenant's imports that named it (a
   * duplicate, a suppressed row); the rows stay with their lines and reasons, and another tenant's
   * reports naming the same address keep it.
   */
  @Test
  void anErasedAddressLeavesItsTenantsProblemReportsAndNoOtherTenants() {
    String p = prefix();
    String erased = p + "Erased_100%@example.org";
    // what the address's _ and % would match if they were taken as wildcards
    String lookalike = p + "erasedx100abc@example.org";
    String file =
        "email;first;last\n"
            + erased
            + ";Eva;\n"
            + erased.toUpperCase(Locale.ROOT)
            + ";Eva;Again\n"
            + p
            + "kept@example.org;Karl;\n"
            + p
            + "kept@example.org;Karl;Again\n"
            + lookalike
            + ";Lea;\n"
            + lookalike
            + ";Lea;Again\n";
    long jobA = run(A, listA, options(), file);
    long jobB = run(B, listB, options(), file);

    int changed;
    try (Jpa jpa = new Jpa(PostgresDatabase.get().app())) {
      changed =
          jpa.inTenant(
              A,
              em ->
                  Repositories.importJobs(em)
                      .forgetAddress(EmailAddress.of(erased.toLowerCase(Locale.ROOT))));
    }

    assertThat(changed).isEqualTo(1);
    List<ImportProblem> inA =
        imports.inTenant(KEY_A, c -> ImportStaging.problemsAfter(c, jobA, 0, 10));
    List<ImportProblem> inB =
        imports.inTenant(KEY_B, c -> ImportStaging.problemsAfter(c, jobB, 0, 10));
    assertThat(inA)
        .extracting(ImportProblem::line, ImportProblem::reason, ImportProblem::detail)
        .containsExactly(
            tuple(
                3L,
                ImportProblemReason.DUPLICATE,
                "(the address was erased on its owner's request)"),
            tuple(
                5L,
                ImportProblemReason.DUPLICATE,
                "the address " + p + "kept@example.org is already on line 4"),
            tuple(
                7L,
                ImportProblemReason.DUPLICATE,
                "the address " + lookalike + " is already on line 6"));
    assertThat(inB)
        .extracting(ImportProblem::detail)
        .as("another tenant's report keeps the address")
        .containsExactly(
            "the address " + erased.toLowerCase(Locale.ROOT) + " is already on line 2",
            "the address " + p + "kept@example.org is already on line 4",
            "the address " + lookalike + " is already on line 6");
  }

  @Test
  void aWindows1252FileKeepsItsUmlauts() {
    String p = prefix();
    Charset cp1252 = Charset.forName("windows-1252");
    long job =
        run(
            A,
            listA,
            options().withCharset("windows-1252").withSeparator(';'),
            ("email;first;last\n" + p + "ute@example.org;J\u00fcrgen;Stra\u00dfer\n")
                .getBytes(cp1252));
    assertThat(imports.read(A, job).getImported()).isEqualTo(1);
    assertThat(
            imports.strings(
                A,
                "SELECT first_name || ' ' || last_name FROM subscriber WHERE email = ?",
                p + "ute@example.org"))
        .containsExactly("J\u00fcrgen Stra\u00dfer");
  }

  @Test
  void anEmptyFileFailsWithAClearReason() {
    long job = run(A, listA, options(), "");
    ImportJob failed = imports.read(A, job);
    assertThat(failed.getState()).isEqualTo(ImportState.FAILED);
    assertThat(failed.getFailure()).isEqualTo("line 1: the file is empty; it needs a header line");
    assertThat(failed.getFinishedAt()).isNotNull();
    assertThat(imports.count(A, "SELECT count(*) FROM import_upload WHERE job_id = ?", job))
        .isZero();
  }

  @Test
  void aFileWithoutTheMappedColumnFailsNamingItsColumns() {
    long job = run(A, listA, options(), "Mail;Name\nx@example.org;X\n");
    ImportJob failed = imports.read(A, job);
    assertThat(failed.getState()).isEqualTo(ImportState.FAILED);
    assertThat(failed.getFailure())
        .isEqualTo("The file has no column \"email\"; its columns are: \"Mail\", \"Name\"");
  }

  @Test
  void aCancelBetweenChunksLeavesNoSubscriberSubscriptionOrConsentRecord() {
    String p = prefix();
    StringBuilder file = new StringBuilder("email\n");
    for (int i = 0; i < 10; i++) {
      file.append(p).append("cancel").append(i).append("@example.org\n");
    }
    long job = imports.job(A, listA, emailOnly(), file.toString().getBytes(UTF_8));
    ImportState end =
        imports
            .runner()
            .afterChunk(
                c -> {
                  ImportStaging.end(c, job, ImportState.CANCELLED, null, Instant.now());
                  return null;
                })
            .run(KEY_A, job);
    assertThat(end).isEqualTo(ImportState.CANCELLED);
    assertThat(imports.read(A, job).getState()).isEqualTo(ImportState.CANCELLED);
    assertNothingOf(p, job);
  }

  @Test
  void aFailureDuringTheApplyLeavesNothingAndFailsTheJob() {
    String p = prefix();
    long job =
        imports.job(
            A,
            listA,
            emailOnly(),
            ("email\n" + p + "x1@example.org\n" + p + "x2@example.org\n").getBytes(UTF_8));
    ImportState end =
        imports
            .runner()
            .afterApply(
                c -> {
                  assertThat(
                          Sql.strings(
                              c, "SELECT count(*) FROM subscriber WHERE email LIKE ?", p + "%"))
                      .containsExactly("2");
                  throw new IllegalStateException("disk full");
                })
            .run(KEY_A, job);
    assertThat(end).isEqualTo(ImportState.FAILED);
    assertThat(imports.read(A, job).getFailure()).isEqualTo(ImportRunner.INTERRUPTED);
    assertNothingOf(p, job);
  }

  @Test
  void anImportInOneTenantNeverTouchesAnother() {
    String p = prefix();
    String shared = p + "shared@example.org";
    run(B, listB, ImportOptions.of("email", "first", null), "email,first\n" + shared + ",Bertha\n");
    long job =
        run(
            A,
            listA,
            ImportOptions.of("email", "first", null).withExisting(ExistingSubscribers.UPDATE),
            "email,first\n" + shared + ",Alfred\nbad\n");
    assertThat(imports.read(A, job).getImported()).isEqualTo(1);
    assertThat(
            imports.strings(
                B, "SELECT first_name || ' ' || version FROM subscriber WHERE email = ?", shared))
        .containsExactly("Bertha 1");
    assertThat(imports.read(B, job)).isNull();
    assertThat(imports.count(B, "SELECT count(*) FROM import_job WHERE id = ?", job)).isZero();
    assertThat(imports.count(B, "SELECT count(*) FROM import_problem WHERE job_id = ?", job))
        .isZero();
    assertThat(imports.count(A, "SELECT count(*) FROM import_problem WHERE job_id = ?", job))
        .isEqualTo(1);
    assertThat(imports.runner().run(TenantKey.of(B), job)).isNull();
  }

  @Test
  void openJobsWhoseWorkerStoppedReportingAreFailed() {
    String p = prefix();
    long stale =
        imports.job(A, listA, options(), ("email\n" + p + "s@example.org\n").getBytes(UTF_8));
    long fresh =
        imports.job(A, listA, options(), ("email\n" + p + "f@example.org\n").getBytes(UTF_8));
    imports.inTenant(
        KEY_A,
        c ->
            Sql.execute(
                c,
                "UPDATE import_job SET state = 'RUNNING', heartbeat_at = now() - interval '1 hour'"
                    + " WHERE id = ?",
                stale));
    int failed =
        imports.inTenant(
            KEY_A,
            c ->
                ImportStaging.failStale(
                    c, Instant.now().minusSeconds(600), "interrupted by a restart", Instant.now()));
    assertThat(failed).isEqualTo(1);
    assertThat(imports.read(A, stale).getState()).isEqualTo(ImportState.FAILED);
    assertThat(imports.read(A, stale).getFailure()).isEqualTo("interrupted by a restart");
    assertThat(imports.count(A, "SELECT count(*) FROM import_upload WHERE job_id = ?", stale))
        .isZero();
    assertThat(imports.read(A, fresh).getState()).isEqualTo(ImportState.QUEUED);
  }

  private static void assertNothingOf(String prefix, long job) {
    assertThat(imports.count(A, "SELECT count(*) FROM subscriber WHERE email LIKE ?", prefix + "%"))
        .isZero();
    assertThat(
            imports.count(
                A,
                "SELECT count(*) FROM subscription x JOIN subscriber s ON s.id = x.subscriber_id"
                    + " WHERE s.email LIKE ?",
                prefix + "%"))
        .isZero();
    assertThat(
            imports.count(
                A,
                "SELECT count(*) FROM consent_event e JOIN subscriber s ON s.id = e.subscriber_id"
                    + " WHERE s.email LIKE ?",
                prefix + "%"))
        .isZero();
    assertThat(imports.count(A, "SELECT count(*) FROM import_row WHERE job_id = ?", job)).isZero();
    assertThat(imports.count(A, "SELECT count(*) FROM import_upload WHERE job_id = ?", job))
        .isZero();
  }

  /** The subscriber's field values as key=value, sorted by key. */
  private static List<String> fieldsOf(String email) {
    return imports.strings(
        A,
        "SELECT d.attribute_key || '=' || coalesce(v.text_value,"
            + " CAST(trim(trailing '.' from trim(trailing '0' from CAST(v.number_value AS"
            + " VARCHAR))) AS VARCHAR), CAST(v.date_value AS VARCHAR),"
            + " CAST(v.boolean_value AS VARCHAR)) FROM attribute_value v"
            + " JOIN attribute_definition d ON d.id = v.definition_id"
            + " JOIN subscriber s ON s.id = v.subscriber_id WHERE s.email = ?"
            + " ORDER BY d.attribute_key",
        email);
  }

  private static Map<String, String> fieldColumns(String... keysAndColumns) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < keysAndColumns.length; i += 2) {
      columns.put(keysAndColumns[i], keysAndColumns[i + 1]);
    }
    return columns;
  }

  private static List<String> memberships(String email) {
    return imports.strings(
        A,
        "SELECT l.name || ':' || x.status FROM subscription x JOIN mailing_list l"
            + " ON l.id = x.mailing_list_id JOIN subscriber s ON s.id = x.subscriber_id"
            + " WHERE s.email = ? ORDER BY l.name",
        email);
  }

  private static long run(String tenant, long listId, ImportOptions options, String file) {
    return run(tenant, listId, options, file.getBytes(UTF_8));
  }

  private static long run(String tenant, long listId, ImportOptions options, byte[] file) {
    long job = imports.job(tenant, listId, options, file);
    imports.runner().run(TenantKey.of(tenant), job);
    return job;
  }

  private static ImportOptions options() {
    return ImportOptions.of("email", "first", "last");
  }

  private static ImportOptions emailOnly() {
    return ImportOptions.of("email", null, null);
  }

  private static String prefix() {
    return "r" + unique.incrementAndGet() + ".";
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(UTF_8));
  }

  /** HMAC-SHA256 of tenant, zero byte and address, written out without the production class. */
  private static String independentHash(String tenant, String address)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(ImportFixture.KEY, "HmacSHA256"));
    mac.update((tenant + "\0" + address).getBytes(UTF_8));
    return HexFormat.of().formatHex(mac.doFinal());
  }
}
