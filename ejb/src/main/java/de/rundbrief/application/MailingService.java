package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingProgress;
import de.rundbrief.domain.mailing.MailingStatus;
import de.rundbrief.domain.mailing.Recipient;
import de.rundbrief.domain.mailing.RecipientState;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.MailingStatistics;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's mailings: written as drafts, tested, then sent now or at a set time; paused, resumed
 * or cancelled while sending; read-only from the start of sending.
 *
 * <p>Every method that names a mailing throws {@link
 * de.rundbrief.domain.mailing.MailingNotFoundException} if the tenant has no such mailing, and
 * every step the mailing's state does not allow throws {@link
 * de.rundbrief.domain.mailing.MailingStateException}.
 */
@Local
public interface MailingService {

  /** A page of the tenant's mailings, newest first; all of them if {@code status} is null. */
  Page<Mailing> list(@NotNull TenantKey tenant, MailingStatus status, @NotNull PageRequest page);

  Mailing get(@NotNull TenantKey tenant, long id);

  /**
   * @throws de.rundbrief.domain.mailing.InvalidMailingException for an unknown placeholder, a
   *     sender whose domain central administrators do not allow, an unknown list or segment
   */
  Mailing create(@NotNull TenantKey tenant, @NotNull @Valid MailingData data);

  /**
   * A new draft from a template: the tenant's own ({@code shared} false) or a published shared one;
   * subject, preheader and HTML copied, sender from the tenant's settings, no lists yet.
   *
   * @throws de.rundbrief.domain.mailing.TemplateNotFoundException if there is no such template
   * @throws de.rundbrief.domain.mailing.InvalidMailingException if the template uses a field the
   *     tenant does not have, or the settings name no sender
   */
  Mailing createFromTemplate(
      @NotNull TenantKey tenant,
      long templateId,
      boolean shared,
      @NotNull @Size(min = 1, max = Mailing.NAME_MAX_LENGTH) String name,
      String senderAddress);

  /** Changes a draft; see {@link #create} for what it refuses. */
  Mailing update(@NotNull TenantKey tenant, long id, @NotNull @Valid MailingData data);

  /** Deletes a draft. */
  void delete(@NotNull TenantKey tenant, long id);

  /**
   * The HTML a subscriber would get; with no subscriber given, placeholders show their fallbacks.
   *
   * @throws de.rundbrief.domain.subscriber.SubscriberNotFoundException if the tenant has no such
   *     subscriber
   */
  String preview(@NotNull TenantKey tenant, long id, Long subscriberId);

  /**
   * Sends the mailing to the given addresses at once, marked as test, with placeholders showing
   * their fallbacks. Works in every state.
   *
   * @throws de.rundbrief.domain.mailing.MailingDeliveryException if the mail server refuses
   */
  void sendTest(
      @NotNull TenantKey tenant,
      long id,
      @NotEmpty(message = "{rundbrief.mailing.test-addresses}")
          @Size(max = 10, message = "{rundbrief.mailing.test-addresses}")
          List<String> addresses);

  /**
   * Fixes the recipients and starts sending.
   *
   * @throws de.rundbrief.domain.mailing.InvalidMailingException if it cannot go out as it is
   */
  Mailing start(@NotNull TenantKey tenant, long id);

  /** Starts sending at the given time, checked now as {@link #start} checks. */
  Mailing schedule(@NotNull TenantKey tenant, long id, @NotNull Instant at);

  /** Back to a draft. */
  Mailing unschedule(@NotNull TenantKey tenant, long id);

  Mailing pause(@NotNull TenantKey tenant, long id);

  Mailing resume(@NotNull TenantKey tenant, long id);

  /** Stops for good: recipients not yet sent to are skipped. */
  Mailing cancel(@NotNull TenantKey tenant, long id);

  MailingProgress progress(@NotNull TenantKey tenant, long id);

  /**
   * What the mailing achieved: sent and failed, opens and clicks of people and machines apart,
   * rates, and the clicks per link of its body.
   */
  MailingStatistics statistics(@NotNull TenantKey tenant, long id);

  /** A page of the recipients by address; all of them if {@code state} is null. */
  Page<Recipient> recipients(
      @NotNull TenantKey tenant, long id, RecipientState state, @NotNull PageRequest page);
}
