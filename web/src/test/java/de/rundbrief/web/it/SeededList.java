package de.rundbrief.web.it;

import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import javax.sql.DataSource;

/**
 * A list of the demo tenant {@code nord} with many subscribed members, written straight into the
 * test database (as its superuser) for the tests and benchmarks that send large mailings.
 */
public final class SeededList {

  private SeededList() {}

  /**
   * An internal single opt-in list named {@code prefix} with {@code count} subscribers {@code
   * <prefix>-<n>@test.example} (first name "Leser n"), each subscribed.
   *
   * @return the list's id
   */
  public static long inNord(String prefix, int count) {
    DataSource superuser = PostgresDatabase.get().superuser();
    long list = Long.parseLong(Sql.column(superuser, "SELECT nextval('mailing_list_seq')").get(0));
    Sql.update(
        superuser,
        "INSERT INTO mailing_list (id, tenant_id, name, visibility, opt_in_mode, created_at,"
            + " version, consent_text_version) VALUES (?, 'nord', ?, 'INTERNAL', 'SINGLE', now(), 1,"
            + " 0)",
        list,
        prefix);
    Sql.update(
        superuser,
        "INSERT INTO subscriber (id, tenant_id, email, first_name, status, created_at, version)"
            + " SELECT nextval('subscriber_seq'), 'nord', ? || '-' || g || '@test.example',"
            + " 'Leser ' || g, 'ACTIVE', now(), 1 FROM generate_series(1, ?) g",
        prefix,
        count);
    Sql.update(
        superuser,
        "INSERT INTO subscription (id, tenant_id, subscriber_id, mailing_list_id, status,"
            + " status_changed_at, created_at, version) SELECT nextval('subscription_seq'), 'nord',"
            + " id, ?, 'SUBSCRIBED', now(), now(), 1 FROM subscriber WHERE tenant_id = 'nord'"
            + " AND email LIKE ?",
        list,
        prefix + "-%");
    return list;
  }
}
