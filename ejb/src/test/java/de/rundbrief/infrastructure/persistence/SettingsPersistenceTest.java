package de.rundbrief.infrastructure.persistence;

import static de.rundbrief.testsupport.Sql.execute;
import static de.rundbrief.testsupport.Sql.restrictTo;
import static de.rundbrief.testsupport.Sql.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.setting.GlobalSetting;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingSource;
import de.rundbrief.domain.setting.TenantSetting;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.settings.SettingsCache;
import de.rundbrief.infrastructure.settings.SettingsLoader;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settings on PostgreSQL: both levels stored, a tenant's values behind both walls, and two caches
 * over one database standing in for two instances of a cluster.
 */
class SettingsPersistenceTest {

  private static final String A = "settings-a";
  private static final String B = "settings-b";
  private static final Instant AT = Instant.parse("2026-11-28T08:00:00Z");
  private static final String ACTOR = "admin";

  private static Jpa jpa;

  @BeforeAll
  static void twoTenants() {
    for (String tenant : List.of(A, B)) {
      Sql.update(
          PostgresDatabase.get().owner(),
          "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
              + " VALUES (?, ?, 'ACTIVE', now(), 1)",
          tenant,
          "Tenant " + tenant);
    }
    jpa = new Jpa(PostgresDatabase.get().app());
  }

  @AfterAll
  static void close() {
    jpa.close();
  }

  /** Global values are shared by every test of this JVM: none stays behind. */
  @AfterEach
  void removeValues() {
    Sql.update(PostgresDatabase.get().owner(), "DELETE FROM global_setting");
    Sql.update(
        PostgresDatabase.get().superuser(),
        "DELETE FROM tenant_setting WHERE tenant_id IN (?, ?)",
        A,
        B);
  }

  @Test
  void aGlobalValueAndItsOverrideFlagAreStoredAndEveryChangeCountsTheRevisionUp() {
    long before = revision();
    central(
        repository -> {
          GlobalSetting name = new GlobalSetting(SettingKey.SENDER_NAME, ACTOR, AT);
          name.change("Rundbrief", ACTOR, AT);
          name.allowTenants(true, ACTOR, AT);
          repository.saveGlobal(name);
          return null;
        });
    GlobalSetting stored =
        central(repository -> repository.findGlobal(SettingKey.SENDER_NAME).orElseThrow());
    assertThat(stored.getValue()).isEqualTo("Rundbrief");
    assertThat(stored.isTenantMayOverride()).isTrue();
    assertThat(stored.getUpdatedBy()).isEqualTo(ACTOR);
    assertThat(stored.getUpdatedAt()).isEqualTo(AT);
    assertThat(revision()).isEqualTo(before + 1);

    central(
        repository -> {
          GlobalSetting name = repository.findGlobal(SettingKey.SENDER_NAME).orElseThrow();
          name.change(null, ACTOR, AT);
          name.allowTenants(false, ACTOR, AT);
          repository.saveGlobal(name);
          return null;
        });
    Optional<GlobalSetting> removed =
        central(repository -> repository.findGlobal(SettingKey.SENDER_NAME));
    assertThat(removed).isEmpty();
    assertThat(revision()).isEqualTo(before + 2);
  }

  @Test
  void globalOnlyKeysCannotBeOpenedToTenantsNorStoredForOne() {
    GlobalSetting limits = new GlobalSetting(SettingKey.SENDING_PER_HOUR, ACTOR, AT);
    assertThatThrownBy(() -> limits.allowTenants(true, ACTOR, AT))
        .isInstanceOf(de.rundbrief.domain.setting.SettingNotOverridableException.class);
    assertThatThrownBy(
            () -> new TenantSetting(SettingKey.PUBLIC_BASE_URL, "https://x.example", ACTOR, AT))
        .isInstanceOf(de.rundbrief.domain.setting.SettingNotOverridableException.class);
  }

  @Test
  void aTenantsValuesAreInvisibleAndUnchangeableUnderAnotherTenant() throws SQLException {
    jpa.inTenant(
        A, em -> save(em, new TenantSetting(SettingKey.REPLY_TO, "a@a.example", ACTOR, AT)));
    jpa.inTenant(
        B, em -> save(em, new TenantSetting(SettingKey.REPLY_TO, "b@b.example", ACTOR, AT)));

    assertThat(valuesIn(A, A)).containsExactly("a@a.example");
    assertThat(valuesIn(B, B)).containsExactly("b@b.example");
    // wall 1 alone: EclipseLink's tenant criterion, with the database letting both through
    assertThat(valuesIn(B, A + "," + B)).containsExactly("b@b.example");
    // wall 2 alone: row-level security for plain SQL that forgets the tenant
    try (Connection c = PostgresDatabase.get().app().getConnection()) {
      c.setAutoCommit(false);
      restrictTo(c, B);
      assertThat(
              strings(
                  c, "SELECT setting_value FROM tenant_setting WHERE tenant_id IN (?, ?)", A, B))
          .containsExactly("b@b.example");
      assertThat(execute(c, "UPDATE tenant_setting SET setting_value = 'x@evil.example'"))
          .isEqualTo(1);
      assertThat(execute(c, "DELETE FROM tenant_setting WHERE tenant_id = ?", A)).isZero();
      assertThatThrownBy(
              () ->
                  execute(
                      c,
                      "INSERT INTO tenant_setting (id, tenant_id, setting_key, setting_value,"
                          + " updated_at, updated_by, version)"
                          + " VALUES (999999, ?, 'SENDER_NAME', 'Evil', now(), 'x', 1)",
                      A))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
      c.rollback();
    }
    assertThat(valuesIn(A, A)).containsExactly("a@a.example");
  }

  @Test
  void anotherInstancesChangeCountsAfterTheNextRevisionCheckWithoutARestart() {
    AtomicLong clock = new AtomicLong();
    AtomicInteger revisionReads = new AtomicInteger();
    SettingsCache first = cache(clock, revisionReads);
    SettingsCache second = cache(clock, revisionReads);
    jpa.inTenant(A, em -> save(em, new TenantSetting(SettingKey.SENDER_NAME, "Nord", ACTOR, AT)));

    assertThat(first.of(TenantKey.of(A)).text(SettingKey.SENDER_NAME)).isEmpty();
    assertThat(second.global().text(SettingKey.PUBLIC_BASE_URL)).isEqualTo("https://news.example");
    assertThat(second.global().text(SettingKey.SENDING_FAIR_SHARE)).isEqualTo("200");
    int readsBefore = revisionReads.get();

    // "the first instance" lets tenants set their sender name and sets a global limit
    central(
        repository -> {
          GlobalSetting name = new GlobalSetting(SettingKey.SENDER_NAME, ACTOR, AT);
          name.change("Rundbrief", ACTOR, AT);
          name.allowTenants(true, ACTOR, AT);
          repository.saveGlobal(name);
          GlobalSetting share = new GlobalSetting(SettingKey.SENDING_FAIR_SHARE, ACTOR, AT);
          share.change("50", ACTOR, AT);
          repository.saveGlobal(share);
          return null;
        });
    first.invalidate();

    assertThat(first.of(TenantKey.of(A)).text(SettingKey.SENDER_NAME)).isEqualTo("Nord");
    assertThat(first.of(TenantKey.of(A)).source(SettingKey.SENDER_NAME))
        .isEqualTo(SettingSource.TENANT);
    assertThat(first.of(TenantKey.of(B)).text(SettingKey.SENDER_NAME)).isEqualTo("Rundbrief");
    assertThat(first.of(TenantKey.of(B)).source(SettingKey.SENDER_NAME))
        .isEqualTo(SettingSource.GLOBAL);
    // the second instance keeps its values until the interval is over, asking nobody
    assertThat(second.global().text(SettingKey.SENDING_FAIR_SHARE)).isEqualTo("200");
    assertThat(second.global().text(SettingKey.SENDING_FAIR_SHARE)).isEqualTo("200");
    assertThat(revisionReads.get()).isEqualTo(readsBefore);

    clock.addAndGet(Duration.ofMillis(1001).toNanos());
    assertThat(second.global().text(SettingKey.SENDING_FAIR_SHARE)).isEqualTo("50");
    assertThat(second.global().number(SettingKey.SENDING_FAIR_SHARE)).isEqualTo(50);
    assertThat(second.of(TenantKey.of(A)).text(SettingKey.SENDER_NAME)).isEqualTo("Nord");
    assertThat(second.revision()).isEqualTo(first.revision());

    // removing the tenant's value falls back to the global one
    jpa.inTenant(A, em -> removeAll(em));
    clock.addAndGet(Duration.ofMillis(1001).toNanos());
    assertThat(second.of(TenantKey.of(A)).text(SettingKey.SENDER_NAME)).isEqualTo("Rundbrief");
    assertThat(second.of(TenantKey.of(A)).source(SettingKey.SENDER_NAME))
        .isEqualTo(SettingSource.GLOBAL);
  }

  private SettingsCache cache(AtomicLong clock, AtomicInteger revisionReads) {
    SettingsCache.Source source =
        new SettingsCache.Source() {
          @Override
          public long revision() {
            revisionReads.incrementAndGet();
            return SettingsPersistenceTest.revision();
          }

          @Override
          public SettingsCache.GlobalValues global() {
            return central(SettingsLoader::readGlobal);
          }

          @Override
          public Map<SettingKey, String> tenant(TenantKey tenant) {
            return jpa.inTenant(
                tenant.value(), em -> SettingsLoader.readTenant(new JpaSettingRepository(em)));
          }
        };
    return new SettingsCache(
        source,
        Map.of(SettingKey.PUBLIC_BASE_URL, "https://news.example"),
        clock::get,
        SettingsCache.CHECK_INTERVAL);
  }

  private static long revision() {
    return SettingsPersistenceTest.<Long>central(repository -> repository.revision());
  }

  private static List<String> valuesIn(String eclipseLinkTenant, String databaseTenants) {
    return jpa.inTransaction(eclipseLinkTenant, databaseTenants, em -> values(em));
  }

  private static <T> T central(java.util.function.Function<JpaSettingRepository, T> work) {
    return jpa.inTransaction(null, null, em -> work.apply(new JpaSettingRepository(em)));
  }

  private static Object save(jakarta.persistence.EntityManager em, TenantSetting setting) {
    new JpaSettingRepository(em).saveTenant(setting);
    return null;
  }

  private static List<String> values(jakarta.persistence.EntityManager em) {
    return new JpaSettingRepository(em)
        .tenantSettings().stream().map(TenantSetting::getValue).toList();
  }

  private static Object removeAll(jakarta.persistence.EntityManager em) {
    JpaSettingRepository repository = new JpaSettingRepository(em);
    repository.tenantSettings().forEach(repository::removeTenant);
    return null;
  }
}
