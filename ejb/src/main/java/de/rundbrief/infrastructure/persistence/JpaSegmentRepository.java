package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.segment.SegmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSegmentRepository implements SegmentRepository {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaSegmentRepository() {}

  JpaSegmentRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<Segment> all() {
    return em.createQuery("SELECT s FROM Segment s ORDER BY s.name", Segment.class).getResultList();
  }

  @Override
  public Optional<Segment> find(long id) {
    return Optional.ofNullable(em.find(Segment.class, id));
  }

  @Override
  public Optional<Segment> findByName(String name) {
    return em.createQuery("SELECT s FROM Segment s WHERE s.name = :name", Segment.class)
        .setParameter("name", name.strip())
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Segment segment) {
    em.persist(segment);
  }

  @Override
  public void remove(Segment segment) {
    em.remove(segment);
  }
}
