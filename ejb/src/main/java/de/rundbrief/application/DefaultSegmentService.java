package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.segment.DuplicateSegmentException;
import de.rundbrief.domain.segment.InvalidSegmentException;
import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.segment.SegmentFields;
import de.rundbrief.domain.segment.SegmentNotFoundException;
import de.rundbrief.domain.segment.SegmentRepository;
import de.rundbrief.domain.segment.SegmentRule;
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
import java.util.Optional;

@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultSegmentService implements SegmentService {

  @Inject private SegmentRepository segments;
  @Inject private SubscriberRepository subscribers;
  @Inject private MailingListRepository lists;
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
    checkSaves(data.definition());
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
    checkSaves(data.definition());
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
    checkLists(definition);
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
   * Refuses a segment without rules: it would select every subscriber of the tenant, and a mailing
   * narrowed by it would go to everyone on its lists, which nobody means by a saved filter. Then
   * checks the lists and runs the rules once for one row, so that a rule on an unknown field or
   * with a value that does not fit fails when it is saved, not when a mailing goes out; cheaper
   * than counting them all.
   */
  private void checkSaves(SegmentDefinition definition) {
    if (definition.rules().isEmpty()) {
      throw new InvalidSegmentException(InvalidSegmentException.Reason.NO_RULES);
    }
    checkLists(definition);
    subscribers.firstByEmail(SubscriberFilter.segment(definition), 1);
  }

  /**
   * Every list a rule names must be one of the tenant's: an unknown id would select nobody, and
   * "not subscribed" to it everybody. Another tenant's list is not found here, just like an unknown
   * one, so the answer tells nothing about it.
   */
  private void checkLists(SegmentDefinition definition) {
    for (SegmentRule rule : definition.rules()) {
      if (SegmentFields.LIST.equals(rule.field()) && findList(rule.value()).isEmpty()) {
        throw new InvalidSegmentException(InvalidSegmentException.Reason.NO_LIST, rule);
      }
    }
  }

  private Optional<MailingList> findList(String id) {
    try {
      return lists.find(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
