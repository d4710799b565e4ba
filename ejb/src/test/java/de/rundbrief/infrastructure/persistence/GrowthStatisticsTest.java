package de.rundbrief.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.statistics.GrowthDay;
import de.rundbrief.domain.statistics.TenantFigures;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Growth per day and tenants side by side on PostgreSQL: counted per Berlin day, one tenant's
 * growth never holding another's events, a list's only its own, and the comparison over exactly the
 * tenants the transaction may see.
 */
class GrowthStatisticsTest {

  private static final String A = "growth-a";
  private static final String B = "growth-b";
  private static final Instant FROM = Instant.parse("2026-10-31T23:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-30T23:00:00Z");
  private static final long[] LISTS = {880_001, 880_002};

  private static Jpa jpa;

  @BeforeAll
  static void seed() {
    DataSource db = PostgresDatabase.get().superuser();
    for (String tenant : List.of(A, B)) {
      Sql.update(
          db,
          "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
              + " VALUES (?, ?, 'ACTIVE', now(), 1)",
          tenant,
          "Tenant " + tenant);
    }
    Sql.update(
        db,
        "INSERT INTO mailing_list (id, tenant_id, name, visibility, opt_in_mode, created_at,"
            + " version) VALUES (?, ?, 'Eins', 'INTERNAL', 'DOUBLE', now(), 1),"
            + " (?, ?, 'Zwei', 'INTERNAL', 'DOUBLE', now(), 1)",
        LISTS[0],
        A,
        LISTS[1],
        A);
    // 2 Nov, Berlin: two sign-ups on list one, one confirmation; 23:30 UTC on 2 Nov is 3 Nov there
    event(db, A, LISTS[0], "REQUESTED", "2026-11-02T09:00:00Z");
    event(db, A, LISTS[0], "REQUESTED", "2026-11-02T10:00:00Z");
    event(db, A, LISTS[0], "CONFIRMED", "2026-11-02T11:00:00Z");
    event(db, A, LISTS[1], "UNSUBSCRIBED", "2026-11-02T23:30:00Z");
    event(db, B, null, "SUBSCRIBED", "2026-11-02T09:00:00Z");
    event(db, A, LISTS[0], "SUBSCRIBED", "2026-10-15T09:00:00Z");
    jpa = new Jpa(PostgresDatabase.get().app());
  }

  private static void event(DataSource db, String tenant, Long list, String type, String at) {
    long subscriber =
        Long.parseLong(
            Sql.column(
                    db,
                    "INSERT INTO subscriber (id, tenant_id, email, status, created_at, version)"
                        + " VALUES (nextval('subscriber_seq'), ?, ?, 'ACTIVE', now(), 1) RETURNING id",
                    tenant,
                    type.toLowerCase() + System.nanoTime() + "@example.org")
                .get(0));
    Sql.update(
        db,
        "INSERT INTO consent_event (id, tenant_id, subscriber_id, mailing_list_id, list_name,"
            + " event_type, source, occurred_at) VALUES (nextval('consent_event_seq'), ?, ?, ?,"
            + " 'Liste', ?, 'STAFF', CAST(? AS TIMESTAMP WITH TIME ZONE))",
        tenant,
        subscriber,
        list,
        type,
        at);
  }

  @AfterAll
  static void close() {
    jpa.close();
  }

  @Test
  void aTenantsGrowthCountsItsOwnEventsPerBerlinDay() {
    List<GrowthDay> days =
        jpa.inTenant(A, em -> new JpaGrowthStatistics(em, em).growth(null, FROM, TO));
    assertThat(days)
        .containsExactly(
            new GrowthDay(LocalDate.parse("2026-11-02"), 2, 1, 0, 0),
            new GrowthDay(LocalDate.parse("2026-11-03"), 0, 0, 1, 0));
  }

  @Test
  void aListsGrowthHoldsOnlyItsOwnEvents() {
    List<GrowthDay> days =
        jpa.inTenant(A, em -> new JpaGrowthStatistics(em, em).growth(LISTS[1], FROM, TO));
    assertThat(days).containsExactly(new GrowthDay(LocalDate.parse("2026-11-03"), 0, 0, 1, 0));
  }

  @Test
  void acrossTenantsCountsOnlyTheTenantsTheTransactionMaySee() {
    List<GrowthDay> onlyB =
        jpa.acrossTenants(B, em -> new JpaGrowthStatistics(em, em).growthAcrossTenants(FROM, TO));
    assertThat(onlyB).containsExactly(new GrowthDay(LocalDate.parse("2026-11-02"), 1, 0, 0, 0));
    List<TenantFigures> both =
        jpa.acrossTenants(
            A + "," + B, em -> new JpaGrowthStatistics(em, em).compareTenants(FROM, TO));
    // the tenants themselves are central data; their figures come through row-level security
    assertThat(both)
        .filteredOn(figures -> List.of(A, B).contains(figures.tenant()))
        .extracting(
            TenantFigures::tenant, TenantFigures::subscriptions, TenantFigures::unsubscribes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(A, 2L, 1L),
            org.assertj.core.groups.Tuple.tuple(B, 1L, 0L));
    List<TenantFigures> onlyA =
        jpa.acrossTenants(A, em -> new JpaGrowthStatistics(em, em).compareTenants(FROM, TO));
    assertThat(onlyA)
        .filteredOn(figures -> figures.tenant().equals(B))
        .singleElement()
        .as("a tenant the transaction may not see shows no figures")
        .extracting(TenantFigures::subscriptions)
        .isEqualTo(0L);
  }
}
