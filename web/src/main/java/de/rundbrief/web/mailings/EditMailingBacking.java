package de.rundbrief.web.mailings;

import de.rundbrief.application.MailingData;
import de.rundbrief.application.MailingListService;
import de.rundbrief.application.MailingService;
import de.rundbrief.application.SegmentService;
import de.rundbrief.application.SubscriberService;
import de.rundbrief.application.TemplateService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.mailing.DuplicateTemplateException;
import de.rundbrief.domain.mailing.InvalidMailingException;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingDeliveryException;
import de.rundbrief.domain.mailing.MailingProgress;
import de.rundbrief.domain.mailing.MailingStateException;
import de.rundbrief.domain.mailing.MailingStatus;
import de.rundbrief.domain.mailing.Recipient;
import de.rundbrief.domain.mailing.RecipientState;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.subscriber.InvalidEmailAddressException;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberFilter;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.MailingStatistics;
import de.rundbrief.web.exports.CsvExports;
import de.rundbrief.web.exports.MailingStatisticsCsv;
import de.rundbrief.web.shell.InputCheck;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.PagedModel;
import de.rundbrief.web.shell.Views;
import de.rundbrief.web.shell.WorkingTenant;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import org.primefaces.PrimeFaces;
import org.primefaces.model.StreamedContent;

/**
 * One mailing: the editor while it is a draft (content, lists and segments, preview at desktop and
 * mobile width for a chosen subscriber, test send), then the cockpit from which it is sent now or
 * scheduled, and whose progress updates itself while it goes out: {@code
 * /mailings/edit.xhtml?tenant=…&id=…}; without an id it starts a new one.
 */
@Named
@ViewScoped
public class EditMailingBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Times are entered and shown in Rundbrief's time zone. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Inject private MailingService mailings;
  @Inject private MailingListService lists;
  @Inject private SegmentService segments;
  @Inject private SubscriberService subscribers;
  @Inject private WorkingTenant workingTenant;
  @Inject private InputCheck inputCheck;
  @Inject private TemplateService templates;

  private String tenant;
  private Long id;
  private boolean loaded;
  private Mailing mailing;
  private MailingProgress progress;
  private MailingStatistics statistics;
  private List<MailingList> tenantLists = List.of();
  private List<Segment> tenantSegments = List.of();

  private String name;
  private String subject;
  private String preheader;
  private String senderName;
  private String senderAddress;
  private String replyTo;
  private String language = "de";
  private String htmlBody;
  private String textBody;
  private boolean rawHtml;
  private List<Long> listIds = new ArrayList<>();
  private List<Long> segmentIds = new ArrayList<>();
  private boolean tracking = true;

  private String previewEmail;
  private String previewWidth = "desktop";
  private String previewHtml;
  private String testAddresses;
  private LocalDateTime scheduleAt;
  private String templateName;
  private RecipientState recipientState;

  private final PagedModel<Recipient> recipients =
      new PagedModel<>(java.util.Set.of(), null) {
        private static final long serialVersionUID = 1L;

        @Override
        protected de.rundbrief.domain.Page<Recipient> search(
            java.util.Map<String, org.primefaces.model.FilterMeta> filterBy, PageRequest request) {
          return mailings.recipients(key(), id, recipientState, request);
        }

        @Override
        public String getRowKey(Recipient recipient) {
          return String.valueOf(recipient.getSubscriberId());
        }
      };

  /** The view action: loads the mailing, or answers 404 for one out of reach. */
  public void load() throws IOException {
    if (loaded) {
      return;
    }
    if (!workingTenant.applyViewParameter(tenant)) {
      return;
    }
    TenantKey key = workingTenant.current().orElse(null);
    if (key == null) {
      Views.notFound();
      return;
    }
    tenant = key.value();
    try {
      tenantLists = lists.all(key);
      tenantSegments = segments.list(key);
      if (id != null) {
        show(mailings.get(key, id));
        refreshPreview();
      }
      loaded = true;
    } catch (NotFoundException e) {
      Views.notFound();
    }
  }

  private void show(Mailing shown) {
    mailing = shown;
    id = shown.getId();
    name = shown.getName();
    subject = shown.getSubject();
    preheader = shown.getPreheader();
    senderName = shown.getSender().name();
    senderAddress = shown.getSender().address();
    replyTo = shown.getReplyTo();
    language = shown.getLanguage();
    htmlBody = shown.getHtmlBody();
    textBody = shown.isTextEdited() ? shown.getTextBody() : null;
    listIds = new ArrayList<>(shown.getListIds());
    segmentIds = new ArrayList<>(shown.getSegmentIds());
    tracking = shown.isTracking();
    progress = shown.isDraft() ? null : mailings.progress(key(), id);
    statistics = shown.isDraft() ? null : mailings.statistics(key(), id);
  }

  /** Counts opens and clicks again. */
  public void refreshStatistics() {
    if (id != null) {
      statistics = act(() -> mailings.statistics(key(), id));
    }
  }

  public MailingStatistics getStatistics() {
    return statistics;
  }

  /** The statistics as counted now, as a CSV download. */
  public StreamedContent getStatisticsCsv() {
    MailingStatistics now = mailings.statistics(key(), id);
    return CsvExports.download(
        "mailing-" + id + "-statistics.csv",
        out -> MailingStatisticsCsv.write(now, CsvExports.forExcel(), out));
  }

  /** Opens and clicks of people per hour as a Chart.js line chart; {@code null} without any. */
  public String getTimelineChart() {
    return statistics == null || statistics.timeline().isEmpty()
        ? null
        : TimelineChart.of(
            statistics.timeline(),
            ZONE,
            Messages.text("statistics.opens.chart"),
            Messages.text("statistics.clicks"));
  }

  /** Saves the draft; a new one gets its address, so that a reload keeps it. */
  public void save() throws IOException {
    MailingData data =
        new MailingData(
            name,
            subject,
            preheader,
            senderName,
            senderAddress,
            replyTo,
            language,
            htmlBody,
            textBody,
            new HashSet<>(listIds),
            new HashSet<>(segmentIds),
            tracking);
    if (!inputCheck.valid(data, "mailing")) {
      return;
    }
    boolean created = id == null;
    Mailing saved =
        act(() -> created ? mailings.create(key(), data) : mailings.update(key(), id, data));
    if (saved == null) {
      return;
    }
    if (created) {
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      Messages.info("mailings.saved", saved.getName());
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect(
              FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                  + "/mailings/edit.xhtml?tenant="
                  + tenant
                  + "&id="
                  + saved.getId());
      return;
    }
    show(saved);
    refreshPreview();
    Messages.info("mailings.saved", saved.getName());
    PrimeFaces.current().ajax().addCallbackParam("saved", true);
  }

  /** Renders the preview for the chosen subscriber, or with the placeholders' fallbacks. */
  public void refreshPreview() {
    if (id == null) {
      previewHtml = null;
      return;
    }
    Long subscriberId = null;
    if (previewEmail != null && !previewEmail.isBlank()) {
      subscriberId =
          subscribers
              .search(key(), SubscriberFilter.text(previewEmail), PageRequest.first(10))
              .items()
              .stream()
              .filter(s -> s.getEmail().value().equalsIgnoreCase(previewEmail.strip()))
              .map(Subscriber::getId)
              .findFirst()
              .orElse(null);
      if (subscriberId == null) {
        Messages.fieldError("preview:subscriber", Messages.text("mailings.preview.unknown"));
        return;
      }
    }
    Long chosen = subscriberId;
    previewHtml = act(() -> mailings.preview(key(), id, chosen));
  }

  /** Addresses of the tenant's subscribers that contain the text, to preview for one of them. */
  public List<String> completeSubscriber(String text) {
    return subscribers
        .search(key(), SubscriberFilter.text(text), PageRequest.first(10))
        .items()
        .stream()
        .map(s -> s.getEmail().value())
        .toList();
  }

  public void sendTest() {
    List<String> addresses =
        testAddresses == null
            ? List.of()
            : Arrays.stream(testAddresses.split("[\\s,;]+")).filter(a -> !a.isBlank()).toList();
    if (addresses.isEmpty() || addresses.size() > 10) {
      Messages.fieldError("test:addresses", Messages.text("mailings.test.addresses"));
      return;
    }
    Boolean sent =
        act(
            () -> {
              mailings.sendTest(key(), id, addresses);
              return true;
            });
    if (sent != null) {
      Messages.info("mailings.test.sent", String.join(", ", addresses));
      PrimeFaces.current().ajax().addCallbackParam("sent", true);
    }
  }

  /** Keeps the mailing's subject, preheader and HTML as a new template of the tenant. */
  public void saveAsTemplate() {
    if (templateName == null || templateName.isBlank()) {
      Messages.fieldError("asTemplate:name", Messages.text("mailings.name.required"));
      return;
    }
    try {
      templates.saveMailingAsTemplate(key(), id, templateName);
      Messages.info("mailings.savedAsTemplate", templateName.strip());
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
      templateName = null;
    } catch (DuplicateTemplateException e) {
      Messages.fieldError("asTemplate:name", Messages.text("templates.duplicate"));
    } catch (NotFoundException e) {
      Messages.error("mailings.gone");
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    }
  }

  public PagedModel<Recipient> getRecipients() {
    return recipients;
  }

  public RecipientState[] getRecipientStates() {
    return RecipientState.values();
  }

  public RecipientState getRecipientState() {
    return recipientState;
  }

  public void setRecipientState(RecipientState recipientState) {
    this.recipientState = recipientState;
  }

  public String getTemplateName() {
    return templateName;
  }

  public void setTemplateName(String templateName) {
    this.templateName = templateName;
  }

  public void start() {
    change(() -> mailings.start(key(), id), "mailings.started");
  }

  public void schedule() {
    if (scheduleAt == null) {
      Messages.fieldError("schedule:at", Messages.text("mailings.schedule.required"));
      return;
    }
    Instant at = scheduleAt.atZone(ZONE).toInstant();
    change(() -> mailings.schedule(key(), id, at), "mailings.scheduled");
  }

  public void unschedule() {
    change(() -> mailings.unschedule(key(), id), "mailings.unscheduled");
  }

  public void pause() {
    change(() -> mailings.pause(key(), id), "mailings.paused");
  }

  public void resume() {
    change(() -> mailings.resume(key(), id), "mailings.resumed");
  }

  public void cancel() {
    change(() -> mailings.cancel(key(), id), "mailings.cancelled");
  }

  public String delete() {
    Boolean deleted =
        act(
            () -> {
              mailings.delete(key(), id);
              return true;
            });
    if (deleted == null) {
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Messages.info("mailings.deleted", name);
    return "/mailings/list?faces-redirect=true&tenant=" + tenant;
  }

  /** The poll's listener: the progress as the database counts it now. */
  public void refreshProgress() {
    if (id != null) {
      Mailing current = act(() -> mailings.get(key(), id));
      if (current != null) {
        mailing = current;
        progress = mailings.progress(key(), id);
      }
    }
  }

  private void change(Supplier<Mailing> step, String message) {
    Mailing changed = act(step);
    if (changed != null) {
      show(changed);
      Messages.info(message, changed.getName());
    }
  }

  private <T> T act(Supplier<T> work) {
    try {
      return work.get();
    } catch (InvalidMailingException | InvalidEmailAddressException e) {
      Messages.error("mailings.invalid", e.getMessage());
    } catch (MailingStateException e) {
      Messages.error("mailings.state", e.getMessage());
    } catch (MailingDeliveryException e) {
      Messages.error("mailings.test.failed", e.getMessage());
    } catch (NotFoundException e) {
      Messages.error("mailings.gone");
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    }
    return null;
  }

  private TenantKey key() {
    return TenantKey.of(tenant);
  }

  public boolean isDraft() {
    return mailing == null || mailing.isDraft();
  }

  public boolean isActive() {
    return mailing != null && mailing.getStatus().isActive();
  }

  public boolean isScheduled() {
    return mailing != null && mailing.getStatus() == MailingStatus.SCHEDULED;
  }

  public boolean isStarted() {
    return mailing != null && mailing.getStartedAt() != null;
  }

  /** When the rest will have gone out at the current rate, or null. */
  public Instant getExpectedEnd() {
    return progress == null ? null : progress.expectedEnd(Instant.now());
  }

  public String getZone() {
    return ZONE.getId();
  }

  public Mailing getMailing() {
    return mailing;
  }

  public MailingProgress getProgress() {
    return progress;
  }

  public List<MailingList> getTenantLists() {
    return tenantLists;
  }

  public List<Segment> getTenantSegments() {
    return tenantSegments;
  }

  public String getPreviewHtml() {
    return previewHtml;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getPreheader() {
    return preheader;
  }

  public void setPreheader(String preheader) {
    this.preheader = preheader;
  }

  public String getSenderName() {
    return senderName;
  }

  public void setSenderName(String senderName) {
    this.senderName = senderName;
  }

  public String getSenderAddress() {
    return senderAddress;
  }

  public void setSenderAddress(String senderAddress) {
    this.senderAddress = senderAddress;
  }

  public String getReplyTo() {
    return replyTo;
  }

  public void setReplyTo(String replyTo) {
    this.replyTo = replyTo;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getHtmlBody() {
    return htmlBody;
  }

  public void setHtmlBody(String htmlBody) {
    this.htmlBody = htmlBody;
  }

  public String getTextBody() {
    return textBody;
  }

  public void setTextBody(String textBody) {
    this.textBody = textBody;
  }

  public boolean isTracking() {
    return tracking;
  }

  public void setTracking(boolean tracking) {
    this.tracking = tracking;
  }

  public boolean isRawHtml() {
    return rawHtml;
  }

  public void setRawHtml(boolean rawHtml) {
    this.rawHtml = rawHtml;
  }

  public List<Long> getListIds() {
    return listIds;
  }

  public void setListIds(List<Long> listIds) {
    this.listIds = listIds;
  }

  public List<Long> getSegmentIds() {
    return segmentIds;
  }

  public void setSegmentIds(List<Long> segmentIds) {
    this.segmentIds = segmentIds;
  }

  public String getPreviewEmail() {
    return previewEmail;
  }

  public void setPreviewEmail(String previewEmail) {
    this.previewEmail = previewEmail;
  }

  public String getPreviewWidth() {
    return previewWidth;
  }

  public void setPreviewWidth(String previewWidth) {
    this.previewWidth = previewWidth;
  }

  public String getTestAddresses() {
    return testAddresses;
  }

  public void setTestAddresses(String testAddresses) {
    this.testAddresses = testAddresses;
  }

  public LocalDateTime getScheduleAt() {
    return scheduleAt;
  }

  public void setScheduleAt(LocalDateTime scheduleAt) {
    this.scheduleAt = scheduleAt;
  }
}
