package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A tenant's segments: saved filters over its subscribers, run in the database as parameterised
 * queries.
 *
 * @see de.rundbrief.domain.segment.InvalidSegmentException for rules that cannot run
 */
@Local
public interface SegmentService {

  List<Segment> list(@NotNull TenantKey tenant);

  /**
   * @throws de.rundbrief.domain.segment.SegmentNotFoundException if the tenant has no such segment
   */
  Segment get(@NotNull TenantKey tenant, long id);

  /**
   * @throws de.rundbrief.domain.segment.DuplicateSegmentException if the name is taken
   * @throws de.rundbrief.domain.segment.InvalidSegmentException for a segment without rules, a list
   *     that is not the tenant's, or a rule that cannot run
   */
  Segment create(@NotNull TenantKey tenant, @NotNull @Valid SegmentData data);

  Segment update(@NotNull TenantKey tenant, long id, @NotNull @Valid SegmentData data);

  void delete(@NotNull TenantKey tenant, long id);

  /**
   * How many of the tenant's subscribers the rules select now: the live count while editing. No
   * rules count everyone; a list that is not the tenant's is refused as when saving.
   */
  long count(@NotNull TenantKey tenant, @NotNull SegmentDefinition definition);

  /**
   * Up to {@code max} of the subscribers a saved segment selects now, by address, after {@code
   * afterEmail} ({@code null} for the first): the pages of an export of any size.
   */
  List<Subscriber> membersAfter(
      @NotNull TenantKey tenant, long id, String afterEmail, @Min(1) @Max(5_000) int max);

  /** A page of the subscribers a saved segment selects now. */
  Page<Subscriber> members(@NotNull TenantKey tenant, long id, @NotNull PageRequest page);
}
