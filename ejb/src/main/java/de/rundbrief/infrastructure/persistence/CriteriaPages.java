package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.function.BiFunction;

/** Pages a filtered entity list with exactly one count query and one page query. */
final class CriteriaPages {

  private CriteriaPages() {}

  /** The conditions of a page's queries; the query is there for subqueries. */
  @FunctionalInterface
  interface Where<T> {
    Predicate[] apply(CriteriaBuilder cb, AbstractQuery<?> query, Root<T> row);
  }

  static <T> Page<T> page(
      EntityManager em,
      Class<T> type,
      BiFunction<CriteriaBuilder, Root<T>, Predicate[]> where,
      BiFunction<CriteriaBuilder, Root<T>, List<Order>> order,
      PageRequest page) {
    return page(em, type, (cb, query, row) -> where.apply(cb, row), order, page);
  }

  static <T> Page<T> page(
      EntityManager em,
      Class<T> type,
      Where<T> where,
      BiFunction<CriteriaBuilder, Root<T>, List<Order>> order,
      PageRequest page) {
    CriteriaBuilder cb = em.getCriteriaBuilder();

    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<T> counted = count.from(type);
    count.select(cb.count(counted)).where(where.apply(cb, count, counted));
    long total = em.createQuery(count).getSingleResult();
    if (total == 0 || page.offset() >= total) {
      return new Page<>(List.of(), total, page.page(), page.size());
    }

    CriteriaQuery<T> select = cb.createQuery(type);
    Root<T> row = select.from(type);
    select.select(row).where(where.apply(cb, select, row)).orderBy(order.apply(cb, row));
    List<T> items =
        em.createQuery(select)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList();
    return new Page<>(items, total, page.page(), page.size());
  }

  /** Escapes the LIKE wildcards of user text, for patterns with {@code '\\'} as escape. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
