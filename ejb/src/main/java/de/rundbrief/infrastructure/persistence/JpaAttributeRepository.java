package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeRepository;
import de.rundbrief.domain.attribute.AttributeValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAttributeRepository implements AttributeRepository {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaAttributeRepository() {}

  JpaAttributeRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<AttributeDefinition> definitions() {
    return em.createQuery(
            "SELECT d FROM AttributeDefinition d ORDER BY d.label, d.id", AttributeDefinition.class)
        .getResultList();
  }

  @Override
  public Optional<AttributeDefinition> find(long id) {
    return Optional.ofNullable(em.find(AttributeDefinition.class, id));
  }

  @Override
  public Optional<AttributeDefinition> findByKey(String key) {
    return em.createQuery(
            "SELECT d FROM AttributeDefinition d WHERE d.key = :key", AttributeDefinition.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(AttributeDefinition definition) {
    em.persist(definition);
  }

  @Override
  public void remove(AttributeDefinition definition) {
    // the values go with it by the foreign key; forget any this unit holds
    em.remove(definition);
    em.flush();
    em.clear();
  }

  @Override
  public List<AttributeValue> valuesOf(long subscriberId) {
    return em.createQuery(
            "SELECT v FROM AttributeValue v JOIN FETCH v.definition"
                + " WHERE v.subscriber.id = :subscriber",
            AttributeValue.class)
        .setParameter("subscriber", subscriberId)
        .getResultList();
  }

  @Override
  public void add(AttributeValue value) {
    em.persist(value);
  }

  @Override
  public void remove(AttributeValue value) {
    em.remove(value);
  }
}
