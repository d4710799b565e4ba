package de.rundbrief.domain.importing;

import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
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
import java.util.Objects;

/**
 * One CSV import into a list: its options, its state, how far it got and what it counted. A worker
 * moves it from {@link ImportState#QUEUED} through {@link ImportState#RUNNING} to an end state and
 * writes its progress with plain SQL as it goes; staff read it here.
 */
@Entity
@Table(name = "IMPORT_JOB")
@SequenceGenerator(name = "import_job_seq", sequenceName = "IMPORT_JOB_SEQ", allocationSize = 50)
public class ImportJob extends TenantOwnedEntity {

  public static final int FAILURE_MAX_LENGTH = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_job_seq")
  @Column(name = "ID")
  private Long id;

  @Column(name = "MAILING_LIST_ID", nullable = false, updatable = false)
  private long mailingListId;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATE", nullable = false, length = 16)
  private ImportState state;

  @Column(name = "EMAIL_COLUMN", nullable = false, updatable = false, length = 200)
  private String emailColumn;

  @Column(name = "FIRST_NAME_COLUMN", updatable = false, length = 200)
  private String firstNameColumn;

  @Column(name = "LAST_NAME_COLUMN", updatable = false, length = 200)
  private String lastNameColumn;

  @Enumerated(EnumType.STRING)
  @Column(name = "EXISTING_MODE", nullable = false, updatable = false, length = 16)
  private ExistingSubscribers existing;

  @Column(name = "LEGAL_BASIS", updatable = false, length = 2000)
  private String legalBasis;

  @Column(name = "CHARSET", nullable = false, updatable = false, length = 32)
  private String charset;

  @Column(name = "SEPARATOR_CHAR", updatable = false, length = 1)
  private String separator;

  /** Which fields the import fills from which columns (see {@link ImportOptions#fieldColumns}). */
  @Column(name = "FIELD_COLUMNS", updatable = false, length = 12000)
  private String fieldColumns;

  @Column(name = "UPLOAD_BYTES", nullable = false)
  private long uploadBytes;

  @Column(name = "BYTES_READ", nullable = false)
  private long bytesRead;

  @Column(name = "ROWS_READ", nullable = false)
  private long rowsRead;

  @Column(name = "IMPORTED", nullable = false)
  private long imported;

  @Column(name = "UPDATED", nullable = false)
  private long updated;

  @Column(name = "SKIPPED", nullable = false)
  private long skipped;

  @Column(name = "PROBLEMS", nullable = false)
  private long problems;

  @Column(name = "FAILURE", length = FAILURE_MAX_LENGTH)
  private String failure;

  @Column(name = "CREATED_BY", nullable = false, updatable = false, length = 100)
  private String createdBy;

  @Column(name = "CREATED_AT", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "STARTED_AT")
  private OffsetDateTime startedAt;

  /** When a worker last reported; a running job that stops reporting was interrupted. */
  @Column(name = "HEARTBEAT_AT", nullable = false)
  private OffsetDateTime heartbeatAt;

  @Column(name = "FINISHED_AT")
  private OffsetDateTime finishedAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected ImportJob() {}

  /** A queued import of the given options into the list, uploaded by {@code createdBy}. */
  public ImportJob(long mailingListId, ImportOptions options, String createdBy, Instant at) {
    Objects.requireNonNull(options, "options");
    this.mailingListId = mailingListId;
    this.state = ImportState.QUEUED;
    this.emailColumn = options.emailColumn();
    this.firstNameColumn = options.firstNameColumn();
    this.lastNameColumn = options.lastNameColumn();
    this.existing = options.existing();
    this.legalBasis = options.legalBasis();
    this.charset = options.charset();
    this.separator = options.separator() == null ? null : String.valueOf(options.separator());
    this.fieldColumns = options.fieldColumnsText();
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = utc(at);
    this.heartbeatAt = utc(at);
  }

  /**
   * The whole upload is stored; the job waits for a worker. It counts as alive from now, so that a
   * slow upload does not leave it looking stale to the sweeper before a worker takes it.
   */
  public void uploaded(long bytes, Instant at) {
    this.uploadBytes = bytes;
    this.heartbeatAt = utc(at);
  }

  /**
   * Staff cancel the job. Only an open job can be cancelled.
   *
   * @return whether it was cancelled now
   */
  public boolean cancel(Instant at) {
    if (!state.isOpen()) {
      return false;
    }
    this.state = ImportState.CANCELLED;
    this.finishedAt = utc(at);
    this.heartbeatAt = utc(at);
    return true;
  }

  public ImportOptions getOptions() {
    return new ImportOptions(
        emailColumn,
        firstNameColumn,
        lastNameColumn,
        existing,
        legalBasis,
        charset,
        separator == null ? null : separator.charAt(0),
        ImportOptions.fieldColumnsOf(fieldColumns));
  }

  /** How far the file has been read, 0 to 100; 100 only once the job is done. */
  public int getProgress() {
    if (state == ImportState.DONE) {
      return 100;
    }
    if (uploadBytes <= 0) {
      return 0;
    }
    return (int) Math.min(99, bytesRead * 100 / uploadBytes);
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

  public long getMailingListId() {
    return mailingListId;
  }

  public ImportState getState() {
    return state;
  }

  public long getUploadBytes() {
    return uploadBytes;
  }

  public long getBytesRead() {
    return bytesRead;
  }

  public long getRowsRead() {
    return rowsRead;
  }

  public long getImported() {
    return imported;
  }

  public long getUpdated() {
    return updated;
  }

  public long getSkipped() {
    return skipped;
  }

  public long getProblems() {
    return problems;
  }

  /** Why the job failed; {@code null} unless it did. */
  public String getFailure() {
    return failure;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return instant(createdAt);
  }

  public Instant getStartedAt() {
    return instant(startedAt);
  }

  public Instant getHeartbeatAt() {
    return instant(heartbeatAt);
  }

  public Instant getFinishedAt() {
    return instant(finishedAt);
  }

  public long getVersion() {
    return version;
  }
}
