package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.audit.AuditEntry;
import de.rundbrief.domain.audit.AuditFilter;
import de.rundbrief.domain.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class JpaAuditLog implements AuditLog {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaAuditLog() {}

  @Override
  public void record(AuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public Page<AuditEntry> search(AuditFilter filter, PageRequest page) {
    return CriteriaPages.page(
        em,
        AuditEntry.class,
        (cb, row) -> predicates(cb, row, filter),
        (cb, row) -> List.of(cb.desc(row.get("occurredAt")), cb.desc(row.get("id"))),
        page);
  }

  private static Predicate[] predicates(
      CriteriaBuilder cb, Root<AuditEntry> row, AuditFilter filter) {
    List<Predicate> predicates = new ArrayList<>();
    if (filter.tenant() != null) {
      predicates.add(cb.equal(row.get("tenantKey"), filter.tenant().value()));
    }
    if (filter.actor() != null && !filter.actor().isBlank()) {
      predicates.add(cb.equal(row.get("actor"), filter.actor().strip()));
    }
    if (filter.action() != null && !filter.action().isBlank()) {
      predicates.add(
          cb.like(
              row.get("action"), CriteriaPages.escapeLike(filter.action().strip()) + "%", '\\'));
    }
    return predicates.toArray(Predicate[]::new);
  }
}
