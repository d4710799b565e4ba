package de.rundbrief.domain.subscriber;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The subscribers of the tenant the current call works in. Only {@link #searchAcrossTenants} reads
 * beyond it, for central staff.
 */
public interface SubscriberRepository {

  /** Properties a subscriber list may be sorted by. */
  Set<String> SORTABLE = Set.of("email", "firstName", "lastName", "status", "createdAt");

  Optional<Subscriber> find(long id);

  Optional<Subscriber> findByEmail(EmailAddress email);

  void add(Subscriber subscriber);

  void remove(Subscriber subscriber);

  /**
   * The first {@code max} subscribers the filter selects, by address, without counting them all:
   * with {@link SubscriberFilter#after} the pages of an export of any size.
   */
  List<Subscriber> firstByEmail(SubscriberFilter filter, int max);

  /** One count query and one page query, both run in the database. */
  Page<Subscriber> search(SubscriberFilter filter, PageRequest page);

  /**
   * The same across every tenant the call may read, each row showing its tenant; for central staff
   * only.
   */
  Page<Subscriber> searchAcrossTenants(SubscriberFilter filter, PageRequest page);
}
