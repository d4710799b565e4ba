package de.rundbrief.domain.mailing;

import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One message of a tenant to the subscribed members of its lists, narrowed by its segments where it
 * names any. Its content changes only as a draft; from the start of sending it is the archive of
 * what went out, together with the sender's imprint as it was then.
 */
@Entity
@Table(name = "MAILING")
@SequenceGenerator(name = "mailing_seq", sequenceName = "MAILING_SEQ", allocationSize = 50)
public class Mailing extends TenantOwnedEntity {

  public static final int NAME_MAX_LENGTH = 200;

  /** The languages of the footer Rundbrief adds (unsubscribe link, imprint). */
  public static final Set<String> LANGUAGES = Set.of("de", "en");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailing_seq")
  @Column(name = "ID")
  private Long id;

  @Column(name = "NAME", nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  @Column(name = "SUBJECT", nullable = false, length = MailingContent.SUBJECT_MAX_LENGTH)
  private String subject;

  @Column(name = "PREHEADER", length = MailingContent.PREHEADER_MAX_LENGTH)
  private String preheader;

  @Embedded private SenderIdentity sender;

  @Column(name = "REPLY_TO", length = 254)
  private String replyTo;

  @Column(name = "LANGUAGE", nullable = false, length = 8)
  private String language;

  @Column(name = "HTML_BODY", nullable = false, length = MailingContent.BODY_MAX_LENGTH)
  private String htmlBody;

  @Column(name = "TEXT_BODY", nullable = false, length = MailingContent.BODY_MAX_LENGTH)
  private String textBody;

  @Column(name = "TEXT_EDITED", nullable = false)
  private boolean textEdited;

  @Convert(converter = IdSetConverter.class)
  @Column(name = "LIST_IDS", nullable = false, length = 2000)
  private Set<Long> listIds;

  @Convert(converter = IdSetConverter.class)
  @Column(name = "SEGMENT_IDS", nullable = false, length = 2000)
  private Set<Long> segmentIds;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private MailingStatus status;

  @Column(name = "SCHEDULED_AT")
  private OffsetDateTime scheduledAt;

  @Column(name = "STARTED_AT")
  private OffsetDateTime startedAt;

  @Column(name = "FINISHED_AT")
  private OffsetDateTime finishedAt;

  @Column(name = "RECIPIENT_COUNT", nullable = false)
  private int recipientCount;

  /**
   * Totals kept when the per-recipient records were deleted by the retention sweep; {@code null}
   * while they are there.
   */
  @Column(name = "SENT_COUNT")
  private Long sentCount;

  @Column(name = "FAILED_COUNT")
  private Long failedCount;

  @Column(name = "SKIPPED_COUNT")
  private Long skippedCount;

  /** Whether links and an open pixel are tracked, where the tenant's setting tracks at all. */
  @Column(name = "TRACKING", nullable = false)
  private boolean tracking = true;

  @Column(name = "IMPRINT_HTML", length = 100_000)
  private String imprintHtml;

  @Column(name = "CREATED_AT", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "UPDATED_AT", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Mailing() {}

  public Mailing(String name, String language, MailingContent content, Instant at) {
    this.status = MailingStatus.DRAFT;
    this.createdAt = utc(at);
    this.listIds = Set.of();
    this.segmentIds = Set.of();
    rename(name);
    changeLanguage(language);
    write(content, at);
  }

  public void rename(String newName) {
    requireDraft("changed");
    if (newName == null || newName.isBlank() || newName.strip().length() > NAME_MAX_LENGTH) {
      throw new InvalidMailingException(
          "A mailing needs a name of at most " + NAME_MAX_LENGTH + " characters");
    }
    this.name = newName.strip();
  }

  /** Switches tracking of this mailing's opens and clicks on or off; only a draft changes. */
  public void track(boolean on) {
    requireDraft("changed");
    this.tracking = on;
  }

  public boolean isTracking() {
    return tracking;
  }

  public void changeLanguage(String newLanguage) {
    requireDraft("changed");
    String code = newLanguage == null ? "" : newLanguage.strip().toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(code)) {
      throw new InvalidMailingException(
          "A mailing's language is one of " + new TreeSet<>(LANGUAGES));
    }
    this.language = code;
  }

  /** Replaces the content; only a draft changes. */
  public void write(MailingContent content, Instant at) {
    requireDraft("changed");
    this.subject = content.subject();
    this.preheader = content.preheader();
    this.sender = content.sender();
    this.replyTo = content.replyTo();
    this.htmlBody = content.htmlBody();
    this.textBody = content.textBody();
    this.textEdited = content.textEdited();
    this.updatedAt = utc(at);
  }

  /** Names the lists whose subscribed members receive it and the segments that narrow them. */
  public void target(Set<Long> lists, Set<Long> segments) {
    requireDraft("changed");
    this.listIds = Set.copyOf(lists);
    this.segmentIds = Set.copyOf(segments);
  }

  /** Waits for the given time, then starts by itself. */
  public void schedule(Instant when, Instant now) {
    requireDraft("scheduled");
    if (!when.isAfter(now)) {
      throw new InvalidMailingException("A mailing is scheduled for a time in the future");
    }
    this.scheduledAt = utc(when);
    this.status = MailingStatus.SCHEDULED;
  }

  /** Back to a draft that can be changed. */
  public void unschedule() {
    if (status != MailingStatus.SCHEDULED) {
      throw new MailingStateException(status, "unscheduled");
    }
    this.scheduledAt = null;
    this.status = MailingStatus.DRAFT;
  }

  /**
   * Sending starts: the recipients have been fixed, and the imprint is kept as it goes out.
   *
   * @throws MailingStateException unless it is a draft or scheduled
   */
  public void start(int recipients, String imprint, Instant at) {
    checkStartable();
    this.recipientCount = recipients;
    this.imprintHtml = imprint == null || imprint.isBlank() ? null : imprint;
    this.startedAt = utc(at);
    this.status = MailingStatus.SENDING;
  }

  /**
   * @throws MailingStateException unless the mailing is a draft or scheduled, before anything is
   *     done for its start
   */
  public void checkStartable() {
    if (status != MailingStatus.DRAFT && status != MailingStatus.SCHEDULED) {
      throw new MailingStateException(status, "started");
    }
  }

  public void pause() {
    if (status != MailingStatus.SENDING) {
      throw new MailingStateException(status, "paused");
    }
    this.status = MailingStatus.PAUSED;
  }

  public void resume() {
    if (status != MailingStatus.PAUSED) {
      throw new MailingStateException(status, "resumed");
    }
    this.status = MailingStatus.SENDING;
  }

  /** Stops for good; a draft is deleted instead. */
  public void cancel(Instant at) {
    if (status != MailingStatus.SCHEDULED && !status.isActive()) {
      throw new MailingStateException(status, "cancelled");
    }
    this.status = MailingStatus.CANCELLED;
    this.finishedAt = utc(at);
  }

  /** Every recipient is done. */
  public void finish(Instant at) {
    if (status != MailingStatus.SENDING) {
      throw new MailingStateException(status, "finished");
    }
    this.status = MailingStatus.SENT;
    this.finishedAt = utc(at);
  }

  public boolean isDraft() {
    return status == MailingStatus.DRAFT;
  }

  private void requireDraft(String step) {
    if (status != MailingStatus.DRAFT) {
      throw new MailingStateException(status, step);
    }
  }

  private static OffsetDateTime utc(Instant at) {
    return Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getSubject() {
    return subject;
  }

  public String getPreheader() {
    return preheader;
  }

  public SenderIdentity getSender() {
    return sender;
  }

  public String getReplyTo() {
    return replyTo;
  }

  public String getLanguage() {
    return language;
  }

  public String getHtmlBody() {
    return htmlBody;
  }

  public String getTextBody() {
    return textBody;
  }

  public boolean isTextEdited() {
    return textEdited;
  }

  public SortedSet<Long> getListIds() {
    return new TreeSet<>(listIds);
  }

  public SortedSet<Long> getSegmentIds() {
    return new TreeSet<>(segmentIds);
  }

  public MailingStatus getStatus() {
    return status;
  }

  public Instant getScheduledAt() {
    return instant(scheduledAt);
  }

  public Instant getStartedAt() {
    return instant(startedAt);
  }

  public Instant getFinishedAt() {
    return instant(finishedAt);
  }

  public int getRecipientCount() {
    return recipientCount;
  }

  /** Whether the per-recipient records are gone and only the totals tell what went out. */
  public boolean hasOnlyTotals() {
    return sentCount != null;
  }

  public long getSentCount() {
    return sentCount == null ? 0 : sentCount;
  }

  public long getFailedCount() {
    return failedCount == null ? 0 : failedCount;
  }

  public long getSkippedCount() {
    return skippedCount == null ? 0 : skippedCount;
  }

  public String getImprintHtml() {
    return imprintHtml;
  }

  public Instant getCreatedAt() {
    return instant(createdAt);
  }

  public Instant getUpdatedAt() {
    return instant(updatedAt);
  }

  public long getVersion() {
    return version;
  }
}
