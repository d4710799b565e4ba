package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.segment.DuplicateSegmentException;
import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.segment.SegmentNotFoundException;
import de.rundbrief.domain.segment.SegmentRepository;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberFilter;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.List;

@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultSegmentService implements SegmentService {

  @Inject private SegmentRepository segments;
  @Inject private SubscriberRepository subscribers;
  @Inject private Clock clock;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<Segment> list(TenantKey tenant) {
    return segments.all();
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public Segment get(TenantKey tenant, long id) {
    return segments.find(id).orElseThrow(() -> new SegmentNotFoundException(id));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Segment create(TenantKey tenant, SegmentData data) {
    if (segments.findByName(data.name()).isPresent()) {
      throw new DuplicateSegmentException(data.name().strip());
    }
    checkRuns(data.definition());
    Segment segment = new Segment(data.name(), data.definition(), clock.instant());
    segments.add(segment);
    return segment;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Segment update(TenantKey tenant, long id, SegmentData data) {
    Segment segment = get(tenant, id);
    segments
        .findByName(data.name())
        .filter(other -> !other.getId().equals(id))
        .ifPresent(
            other -> {
              throw new DuplicateSegmentException(data.name().strip());
            });
    checkRuns(data.definition());
    segment.rename(data.name());
    segment.redefine(data.definition());
    return segment;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public void delete(TenantKey tenant, long id) {
    segments.remove(get(tenant, id));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public long count(TenantKey tenant, SegmentDefinition definition) {
    return subscribers.search(SubscriberFilter.segment(definition), PageRequest.first(1)).total();
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<Subscriber> membersAfter(TenantKey tenant, long id, String afterEmail, int max) {
    SubscriberFilter filter =
        SubscriberFilter.segment(get(tenant, id).getDefinition()).after(afterEmail);
    return subscribers.firstByEmail(filter, max);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public Page<Subscriber> members(TenantKey tenant, long id, PageRequest page) {
    return subscribers.search(SubscriberFilter.segment(get(tenant, id).getDefinition()), page);
  }

  /**
   * Runs the rules once for one row, so that a rule on an unknown field or with a value that does
   * not fit fails when it is saved, not when a mailing goes out; cheaper than counting them all.
   */
  private void checkRuns(SegmentDefinition definition) {
    subscribers.firstByEmail(SubscriberFilter.segment(definition), 1);
  }
}
