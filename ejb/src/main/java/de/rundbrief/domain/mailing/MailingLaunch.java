package de.rundbrief.domain.mailing;

import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.segment.SegmentRepository;
import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts sending a mailing: checks that it may go out as it is, fixes its recipients and moves it
 * to sending. Staff's "send now" and the scheduler both come here, inside a transaction bound to
 * the mailing's tenant.
 */
@ApplicationScoped
public class MailingLaunch {

  @Inject private MailingRepository mailings;
  @Inject private MailingListRepository lists;
  @Inject private SegmentRepository segments;
  @Inject private Settings settings;

  /**
   * @throws InvalidMailingException if the sender's domain is not allowed, a list or segment is
   *     gone, it has no lists, or they select no subscribed recipient
   */
  public void launch(TenantKey tenant, Mailing mailing, Instant at) {
    mailing.checkStartable();
    EffectiveSettings effective = settings.of(tenant);
    checkSender(effective, mailing.getSender());
    if (mailing.getListIds().isEmpty()) {
      throw new InvalidMailingException("A mailing goes to at least one list");
    }
    for (long listId : mailing.getListIds()) {
      if (lists.find(listId).isEmpty()) {
        throw new InvalidMailingException("List " + listId + " no longer exists");
      }
    }
    List<SegmentDefinition> definitions = new ArrayList<>();
    for (long segmentId : mailing.getSegmentIds()) {
      definitions.add(
          segments
              .find(segmentId)
              .map(Segment::getDefinition)
              .orElseThrow(
                  () -> new InvalidMailingException("Segment " + segmentId + " no longer exists")));
    }
    int recipients = mailings.fixRecipients(mailing, definitions);
    if (recipients == 0) {
      // a mailing to nobody would show as sent; its lists and segments need changing first
      throw new InvalidMailingException(
          "The mailing's lists and segments select no subscribed recipients now");
    }
    mailing.start(recipients, effective.text(SettingKey.IMPRINT_HTML), at);
  }

  /**
   * @throws InvalidMailingException if central administrators do not allow the sender's domain
   */
  public static void checkSender(EffectiveSettings settings, SenderIdentity sender) {
    if (!settings.allowsSender(sender.address())) {
      throw new InvalidMailingException(
          "Sender domain "
              + sender.domain()
              + " is not among the domains central administrators allow: "
              + String.join(", ", settings.lines(SettingKey.ALLOWED_SENDER_DOMAINS)));
    }
  }
}
