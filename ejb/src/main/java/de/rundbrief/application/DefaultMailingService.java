package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeRepository;
import de.rundbrief.domain.attribute.AttributeValue;
import de.rundbrief.domain.mailing.InvalidMailingException;
import de.rundbrief.domain.mailing.MailHtml;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingContent;
import de.rundbrief.domain.mailing.MailingLaunch;
import de.rundbrief.domain.mailing.MailingNotFoundException;
import de.rundbrief.domain.mailing.MailingProgress;
import de.rundbrief.domain.mailing.MailingRenderer;
import de.rundbrief.domain.mailing.MailingRepository;
import de.rundbrief.domain.mailing.MailingStateException;
import de.rundbrief.domain.mailing.MailingStatus;
import de.rundbrief.domain.mailing.MailingTemplate;
import de.rundbrief.domain.mailing.Personalisation;
import de.rundbrief.domain.mailing.Recipient;
import de.rundbrief.domain.mailing.RecipientState;
import de.rundbrief.domain.mailing.SenderIdentity;
import de.rundbrief.domain.mailing.SharedTemplate;
import de.rundbrief.domain.mailing.TemplateContent;
import de.rundbrief.domain.mailing.TemplateNotFoundException;
import de.rundbrief.domain.mailing.Templates;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.segment.SegmentRepository;
import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberNotFoundException;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantNotFoundException;
import de.rundbrief.domain.tenant.TenantRepository;
import de.rundbrief.domain.tracking.MailingStatistics;
import de.rundbrief.domain.tracking.TrackedLinks;
import de.rundbrief.domain.tracking.TrackingStatistics;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultMailingService implements MailingService {

  /** The language of a new mailing that names none. */
  private static final String NEW_LANGUAGE = "de";

  @Inject private MailingRepository mailings;
  @Inject private TrackingStatistics trackingStatistics;
  @Inject private MailingListRepository lists;
  @Inject private SegmentRepository segments;
  @Inject private AttributeRepository fields;
  @Inject private SubscriberRepository subscribers;
  @Inject private TenantRepository tenants;
  @Inject private Settings settings;
  @Inject private MailHtml mailHtml;
  @Inject private MailingRenderer renderer;
  @Inject private MailingLaunch launch;
  @Inject private Templates templates;
  @Inject private Clock clock;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public Page<Mailing> list(TenantKey tenant, MailingStatus status, PageRequest page) {
    return mailings.page(status, page);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public Mailing get(TenantKey tenant, long id) {
    return mailingOf(id);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Mailing create(TenantKey tenant, MailingData data) {
    Instant now = clock.instant();
    Mailing mailing =
        new Mailing(
            data.name(),
            data.language() == null ? NEW_LANGUAGE : data.language(),
            content(tenant, data),
            now);
    mailing.target(checkedLists(data.listIds()), checkedSegments(data.segmentIds()));
    mailing.track(!Boolean.FALSE.equals(data.tracking()));
    mailings.add(mailing);
    return mailing;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Mailing createFromTemplate(
      TenantKey tenant, long templateId, boolean shared, String name, String senderAddress) {
    TemplateContent template =
        shared
            ? templates
                .findShared(templateId)
                .filter(SharedTemplate::isPublished)
                .map(SharedTemplate::getContent)
                .orElseThrow(() -> new TemplateNotFoundException(templateId))
            : templates
                .findOfTenant(templateId)
                .map(MailingTemplate::getContent)
                .orElseThrow(() -> new TemplateNotFoundException(templateId));
    return create(
        tenant,
        new MailingData(
            name,
            template.getSubject(),
            template.getPreheader(),
            null,
            senderAddress,
            null,
            NEW_LANGUAGE,
            template.getHtmlBody(),
            null,
            Set.of(),
            Set.of()));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Mailing update(TenantKey tenant, long id, MailingData data) {
    Mailing mailing = mailingOf(id);
    if (!mailing.isDraft()) {
      throw new MailingStateException(mailing.getStatus(), "changed");
    }
    mailing.rename(data.name());
    if (data.language() != null) {
      mailing.changeLanguage(data.language());
    }
    mailing.write(content(tenant, data), clock.instant());
    mailing.target(checkedLists(data.listIds()), checkedSegments(data.segmentIds()));
    if (data.tracking() != null) {
      mailing.track(data.tracking());
    }
    return mailing;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public void delete(TenantKey tenant, long id) {
    Mailing mailing = mailingOf(id);
    if (!mailing.isDraft()) {
      throw new MailingStateException(mailing.getStatus(), "deleted");
    }
    mailings.remove(mailing);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public String preview(TenantKey tenant, long id, Long subscriberId) {
    Mailing mailing = mailingOf(id);
    Function<String, String> values = name -> null;
    if (subscriberId != null) {
      Subscriber subscriber =
          subscribers
              .find(subscriberId)
              .orElseThrow(() -> new SubscriberNotFoundException(subscriberId));
      values = valuesOf(subscriber)::get;
    }
    return renderer.html(tenant, tenantName(tenant), mailing, imprint(tenant, mailing), values);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public void sendTest(TenantKey tenant, long id, List<String> addresses) {
    Mailing mailing = mailingOf(id);
    List<String> checked = addresses.stream().map(a -> EmailAddress.of(a).value()).toList();
    renderer.sendTest(
        tenant, tenantName(tenant), mailing, imprint(tenant, mailing), name -> null, checked);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Mailing start(TenantKey tenant, long id) {
    Mailing mailing = mailings.findForStart(id).orElseThrow(() -> new MailingNotFoundException(id));
    launch.launch(tenant, mailing, clock.instant());
    return mailing;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Mailing schedule(TenantKey tenant, long id, Instant at) {
    Mailing mailing = mailingOf(id);
    MailingLaunch.checkSender(settings.of(tenant), mailing.getSender());
    if (mailing.getListIds().isEmpty()) {
      throw new InvalidMailingException("A mailing goes to at least one list");
    }
    mailing.schedule(at, clock.instant());
    return mailing;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Mailing unschedule(TenantKey tenant, long id) {
    Mailing mailing = mailingOf(id);
    mailing.unschedule();
    return mailing;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Mailing pause(TenantKey tenant, long id) {
    Mailing mailing = mailingOf(id);
    mailing.pause();
    return mailing;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Mailing resume(TenantKey tenant, long id) {
    Mailing mailing = mailingOf(id);
    mailing.resume();
    return mailing;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Mailing cancel(TenantKey tenant, long id) {
    Mailing mailing = mailingOf(id);
    mailing.cancel(clock.instant());
    mailings.skipRemaining(id, Recipient.CANCELLED);
    return mailing;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public MailingProgress progress(TenantKey tenant, long id) {
    return mailings.progress(mailingOf(id));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public MailingStatistics statistics(TenantKey tenant, long id) {
    Mailing mailing = mailingOf(id);
    MailingProgress progress = mailings.progress(mailing);
    return new MailingStatistics(
        mailing.getId(),
        progress.sent(),
        progress.failed(),
        trackingStatistics.bounces(mailing.getId()),
        trackingStatistics.unsubscribes(mailing.getId()),
        trackingStatistics.opens(mailing.getId()),
        trackingStatistics.clicks(mailing.getId()),
        trackingStatistics.links(mailing.getId(), TrackedLinks.links(mailing.getHtmlBody())),
        trackingStatistics.timeline(mailing.getId()));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public Page<Recipient> recipients(
      TenantKey tenant, long id, RecipientState state, PageRequest page) {
    mailingOf(id);
    return mailings.recipients(id, state, page);
  }

  private Mailing mailingOf(long id) {
    return mailings.find(id).orElseThrow(() -> new MailingNotFoundException(id));
  }

  /**
   * The content as entered, completed from the tenant's settings, sanitised and checked: every
   * placeholder known, the sender's domain allowed.
   */
  private MailingContent content(TenantKey tenant, MailingData data) {
    EffectiveSettings effective = settings.of(tenant);
    String address =
        blank(data.senderAddress())
            ? effective.text(SettingKey.SENDER_ADDRESS)
            : data.senderAddress();
    if (blank(address)) {
      throw new InvalidMailingException(
          "Enter a sender address; the settings name no default sender");
    }
    SenderIdentity sender =
        new SenderIdentity(
            blank(data.senderName()) ? effective.text(SettingKey.SENDER_NAME) : data.senderName(),
            address);
    MailingLaunch.checkSender(effective, sender);
    String replyTo =
        blank(data.replyTo()) ? effective.text(SettingKey.REPLY_TO) : data.replyTo().strip();
    if (!blank(replyTo)) {
      replyTo = EmailAddress.of(replyTo).value();
    }
    String html = mailHtml.sanitise(data.htmlBody());
    boolean textEdited = !blank(data.textBody());
    String text = textEdited ? data.textBody().strip() : mailHtml.plainText(html);
    Set<String> keys =
        fields.definitions().stream().map(AttributeDefinition::getKey).collect(Collectors.toSet());
    Personalisation.check(keys, data.subject(), data.preheader(), html, text);
    return new MailingContent(
        data.subject(), data.preheader(), sender, replyTo, html, text, textEdited);
  }

  private Set<Long> checkedLists(Set<Long> ids) {
    for (long id : ids) {
      if (lists.find(id).isEmpty()) {
        throw new InvalidMailingException("No list " + id);
      }
    }
    return ids;
  }

  private Set<Long> checkedSegments(Set<Long> ids) {
    for (long id : ids) {
      if (segments.find(id).isEmpty()) {
        throw new InvalidMailingException("No segment " + id);
      }
    }
    return ids;
  }

  private Map<String, String> valuesOf(Subscriber subscriber) {
    Map<String, String> values = new HashMap<>();
    values.put(Personalisation.FIRST_NAME, subscriber.getFirstName());
    values.put(Personalisation.LAST_NAME, subscriber.getLastName());
    values.put(Personalisation.EMAIL, subscriber.getEmail().value());
    for (AttributeValue value : fields.valuesOf(subscriber.getId())) {
      values.put(Personalisation.FIELD_PREFIX + value.getDefinition().getKey(), value.getText());
    }
    return values;
  }

  /** The imprint as it went out, or as it would go out now. */
  private String imprint(TenantKey tenant, Mailing mailing) {
    if (mailing.getStartedAt() != null) {
      return mailing.getImprintHtml();
    }
    String imprint = settings.of(tenant).text(SettingKey.IMPRINT_HTML);
    return blank(imprint) ? null : imprint;
  }

  private String tenantName(TenantKey tenant) {
    return tenants
        .find(tenant)
        .orElseThrow(() -> new TenantNotFoundException(tenant.value()))
        .getName();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
