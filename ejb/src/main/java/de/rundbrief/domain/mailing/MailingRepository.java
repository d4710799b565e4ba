package de.rundbrief.domain.mailing;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.segment.SegmentDefinition;
import java.util.List;
import java.util.Optional;

/** The mailings of the tenant the current call works in, and their recipients. */
public interface MailingRepository {

  /** A page of the tenant's mailings, newest first. */
  Page<Mailing> page(MailingStatus status, PageRequest page);

  Optional<Mailing> find(long id);

  /**
   * The mailing with its row locked until the transaction ends: two starts of one mailing at once
   * (staff's "send now" and the scheduler, on any instances) then run one after the other, and the
   * second finds it sending.
   */
  Optional<Mailing> findForStart(long id);

  void add(Mailing mailing);

  void remove(Mailing mailing);

  /**
   * Fixes the recipients of a mailing about to start: every active subscriber with a subscription
   * to one of its lists, narrowed to those in at least one of the segments where any are given.
   *
   * @return the number of recipients
   */
  int fixRecipients(Mailing mailing, List<SegmentDefinition> segments);

  MailingProgress progress(Mailing mailing);

  /**
   * A page of a mailing's recipients by address.
   *
   * @param state only recipients in this state, or all if {@code null}
   */
  Page<Recipient> recipients(long mailingId, RecipientState state, PageRequest page);

  /** Marks every recipient not yet sent to as skipped, for a cancelled mailing. */
  int skipRemaining(long mailingId, String reason);
}
