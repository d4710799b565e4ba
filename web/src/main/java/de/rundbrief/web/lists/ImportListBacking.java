package de.rundbrief.web.lists;

import de.rundbrief.application.AttributeService;
import de.rundbrief.application.ImportService;
import de.rundbrief.application.MailingListService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.importing.ExistingSubscribers;
import de.rundbrief.domain.importing.ImportFinishedException;
import de.rundbrief.domain.importing.ImportJob;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.importing.ImportState;
import de.rundbrief.domain.importing.UploadTooLargeException;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.csv.CsvHeaderException;
import de.rundbrief.infrastructure.csv.CsvReader;
import de.rundbrief.infrastructure.csv.CsvRecord;
import de.rundbrief.infrastructure.csv.CsvRow;
import de.rundbrief.web.exports.CsvExports;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.StaffView;
import de.rundbrief.web.shell.Views;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.StreamedContent;

/**
 * The import of a CSV file into a list: {@code /lists/import.xhtml?tenant=…&list=…}. The file is
 * uploaded, its columns mapped to the subscriber's fields with a preview of the first rows, and the
 * import runs in the background; {@code &import=…} shows its progress, so the page can be left and
 * opened again.
 */
@Named
@ViewScoped
public class ImportListBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PREVIEW_ROWS = 5;

  @Inject private ImportService imports;
  @Inject private StaffView staffView;
  @Inject private MailingListService lists;
  @Inject private AttributeService attributes;
  @Inject private CsvExports exports;

  private String tenant;
  private Long list;
  private Long importId;
  private String listName;

  /**
   * The uploaded file, in the temporary folder of the instance that received it: a session that
   * moves to another instance of a cluster asks for the file again.
   */
  private String upload;

  private String fileName;
  private List<String> header = List.of();
  private List<List<String>> preview = List.of();
  private String emailColumn;
  private String firstNameColumn;
  private String lastNameColumn;

  /** The tenant's fields, to map columns to. */
  private List<Field> fields = List.of();

  /** Which column fills which field, by the field's key; a field without a column is not filled. */
  private final HashMap<String, String> fieldColumns = new HashMap<>();

  private String charset = "UTF-8";
  private ExistingSubscribers existing = ExistingSubscribers.SKIP;
  private String legalBasis;
  private ImportJob job;

  /** The view action: the list (or 404) and, with {@code import=}, the import to follow. */
  public void load() throws IOException {
    if (listName != null) {
      return;
    }
    if (!TenantKey.isValid(tenant) || list == null) {
      Views.notFound();
      return;
    }
    try {
      listName = lists.get(key(), list).list().getName();
      fields =
          attributes.list(key()).stream()
              .map(definition -> new Field(definition.getKey(), definition.getLabel()))
              .toList();
      if (importId != null) {
        job = imports.get(key(), list, importId);
      } else if (!staffView.isEditor()) {
        // viewers follow imports; the upload is for those who may start one
        Views.forbidden();
      }
    } catch (NotFoundException e) {
      Views.notFound();
    }
  }

  /** The file arrived: kept in a temporary file of this view, its first rows read for preview. */
  public void uploaded(FileUploadEvent event) throws IOException {
    discardUpload();
    Path file = Files.createTempFile("rundbrief-import-", ".csv");
    try (InputStream in = event.getFile().getInputStream()) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    upload = file.toString();
    fileName = event.getFile().getFileName();
    readPreview();
  }

  /** The charset changed: the preview is read again. */
  public void charsetChanged() throws IOException {
    if (uploadIsHere()) {
      readPreview();
    }
  }

  /**
   * Whether the uploaded file is on this instance; if the session came from another instance, it is
   * forgotten and the user asked to upload it again.
   */
  private boolean uploadIsHere() {
    if (upload != null && !Files.isRegularFile(Path.of(upload))) {
      upload = null;
      fileName = null;
      header = List.of();
      preview = List.of();
      Messages.error("import.uploadAgain");
    }
    return upload != null;
  }

  private void readPreview() throws IOException {
    try (CsvReader reader =
        CsvReader.builder()
            .charset(Charset.forName(charset))
            .open(Files.newInputStream(Path.of(upload)))) {
      header = reader.header();
      List<List<String>> rows = new ArrayList<>();
      for (CsvRow row = reader.next();
          row != null && rows.size() < PREVIEW_ROWS;
          row = reader.next()) {
        if (row instanceof CsvRecord record) {
          rows.add(record.fields());
        }
      }
      preview = rows;
      ImportColumnGuess guess = ImportColumnGuess.of(header);
      emailColumn = guess.email();
      firstNameColumn = guess.firstName();
      lastNameColumn = guess.lastName();
      fieldColumns.clear();
      for (Field field : fields) {
        header.stream()
            .filter(
                column ->
                    column.strip().equalsIgnoreCase(field.label())
                        || column.strip().equalsIgnoreCase(field.key()))
            .findFirst()
            .ifPresent(column -> fieldColumns.put(field.key(), column));
      }
    } catch (CsvHeaderException e) {
      header = List.of();
      preview = List.of();
      Messages.error("import.noHeader", e.getMessage());
    }
  }

  /** Starts the import and shows its progress on a page of its own. */
  public String start() {
    if (!uploadIsHere()) {
      if (fileName == null) {
        Messages.error("import.needsFileAndEmail");
      }
      return null;
    }
    if (emailColumn == null) {
      Messages.error("import.needsFileAndEmail");
      return null;
    }
    try (InputStream file = Files.newInputStream(Path.of(upload))) {
      ImportJob started =
          imports.upload(
              key(),
              list,
              new ImportOptions(
                  emailColumn,
                  firstNameColumn,
                  lastNameColumn,
                  existing,
                  legalBasis,
                  charset,
                  null,
                  fieldColumns),
              file,
              Files.size(Path.of(upload)));
      discardUpload();
      return "/lists/import?faces-redirect=true&tenant="
          + tenant
          + "&list="
          + list
          + "&import="
          + started.getId();
    } catch (UploadTooLargeException e) {
      Messages.error("import.tooLarge");
    } catch (IllegalArgumentException e) {
      Messages.error("import.invalid", e.getMessage());
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  /** The progress bar's poll: the job as the database has it now. */
  public void refresh() {
    job = imports.get(key(), list, importId);
  }

  public void cancel() {
    try {
      job = imports.cancel(key(), list, importId);
      Messages.info("import.cancelled");
    } catch (ImportFinishedException e) {
      refresh();
      Messages.error("import.alreadyEnded");
    }
  }

  /** Every row not imported, as CSV for Excel: line, reason, detail. */
  public StreamedContent getProblems() {
    TenantKey tenant = key();
    long listId = list;
    long id = importId;
    return CsvExports.download(
        "import-" + id + "-problems.csv",
        out -> exports.importProblems(tenant, listId, id, CsvExports.forExcel(), out));
  }

  public boolean isRunning() {
    return job != null
        && (job.getState() == ImportState.QUEUED || job.getState() == ImportState.RUNNING);
  }

  @PreDestroy
  void discardUpload() {
    if (upload != null) {
      try {
        Files.deleteIfExists(Path.of(upload));
      } catch (IOException e) {
        // a temporary file; the system cleans its temporary folder
      }
      upload = null;
    }
  }

  private TenantKey key() {
    return TenantKey.of(tenant);
  }

  public ExistingSubscribers[] getExistingModes() {
    return ExistingSubscribers.values();
  }

  public List<String> getCharsets() {
    return List.of("UTF-8", "windows-1252", "ISO-8859-1");
  }

  public List<Integer> getColumnIndexes() {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      indexes.add(i);
    }
    return indexes;
  }

  public String cell(List<String> row, int column) {
    return column < row.size() ? row.get(column) : "";
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public Long getList() {
    return list;
  }

  public void setList(Long list) {
    this.list = list;
  }

  public Long getImportId() {
    return importId;
  }

  public void setImportId(Long importId) {
    this.importId = importId;
  }

  public String getListName() {
    return listName;
  }

  public String getFileName() {
    return fileName;
  }

  public List<String> getHeader() {
    return header;
  }

  public List<List<String>> getPreview() {
    return preview;
  }

  /** A field of the tenant, as the mapping offers it. */
  public record Field(String key, String label) implements Serializable {

    public String getKey() {
      return key;
    }

    public String getLabel() {
      return label;
    }
  }

  public List<Field> getFields() {
    return fields;
  }

  /** Which column fills which field, by key; bound per field on the screen. */
  public Map<String, String> getFieldColumns() {
    return fieldColumns;
  }

  public String getEmailColumn() {
    return emailColumn;
  }

  public void setEmailColumn(String emailColumn) {
    this.emailColumn = emailColumn;
  }

  public String getFirstNameColumn() {
    return firstNameColumn;
  }

  public void setFirstNameColumn(String firstNameColumn) {
    this.firstNameColumn = firstNameColumn;
  }

  public String getLastNameColumn() {
    return lastNameColumn;
  }

  public void setLastNameColumn(String lastNameColumn) {
    this.lastNameColumn = lastNameColumn;
  }

  public String getCharset() {
    return charset;
  }

  public void setCharset(String charset) {
    this.charset = charset;
  }

  public ExistingSubscribers getExisting() {
    return existing;
  }

  public void setExisting(ExistingSubscribers existing) {
    this.existing = existing;
  }

  public String getLegalBasis() {
    return legalBasis;
  }

  public void setLegalBasis(String legalBasis) {
    this.legalBasis = legalBasis;
  }

  public ImportJob getJob() {
    return job;
  }
}
