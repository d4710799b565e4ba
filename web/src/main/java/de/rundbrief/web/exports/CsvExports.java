package de.rundbrief.web.exports;

import de.rundbrief.application.ExportService;
import de.rundbrief.application.ImportService;
import de.rundbrief.application.SegmentService;
import de.rundbrief.domain.importing.ImportProblem;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.csv.CsvWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Writes the CSV exports page by page as the database hands them out, so that an export of any size
 * takes no more memory than a page. Each page is one service call (and transaction): an export is
 * not one snapshot. The REST API and the screens write the same columns through this class.
 */
@ApplicationScoped
public class CsvExports {

  /** Rows per service call. */
  static final int PAGE = 2_000;

  @Inject private ExportService lists;
  @Inject private SegmentService segments;
  @Inject private ImportService imports;

  /** Writes one CSV file. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** A download for a screen's button, written as the browser reads it. */
  public static StreamedContent download(String fileName, Body body) {
    return DefaultStreamedContent.builder()
        .name(fileName)
        .contentType("text/csv; charset=UTF-8")
        .writer(
            out -> {
              try {
                body.write(out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .build();
  }

  /** What German Excel opens as it is: {@code ;} and the UTF-8 byte order mark. */
  public static CsvWriter.Builder forExcel() {
    return CsvWriter.builder().separator(';').byteOrderMark(true);
  }

  /**
   * A list's members by address.
   *
   * @param status only members with this status, or all if {@code null}
   */
  public void listMembers(
      TenantKey tenant,
      long listId,
      SubscriptionStatus status,
      CsvWriter.Builder format,
      OutputStream out)
      throws IOException {
    try (CsvWriter csv = format.open(out)) {
      csv.writeRow("email", "firstName", "lastName", "status", "createdAt", "subscribedAt");
      String after = null;
      List<Subscription> page;
      do {
        page = lists.members(tenant, listId, status, after, PAGE);
        for (Subscription member : page) {
          Subscriber subscriber = member.getSubscriber();
          csv.writeRow(
              subscriber.getEmail().value(),
              subscriber.getFirstName(),
              subscriber.getLastName(),
              member.getStatus().name(),
              text(member.getCreatedAt()),
              text(member.getSubscribedAt()));
          after = subscriber.getEmail().value();
        }
      } while (page.size() == PAGE);
    }
  }

  /** The subscribers a saved segment selects now, by address. */
  public void segmentMembers(
      TenantKey tenant, long segmentId, CsvWriter.Builder format, OutputStream out)
      throws IOException {
    try (CsvWriter csv = format.open(out)) {
      csv.writeRow("email", "firstName", "lastName", "status", "createdAt");
      String after = null;
      List<Subscriber> page;
      do {
        page = segments.membersAfter(tenant, segmentId, after, PAGE);
        for (Subscriber subscriber : page) {
          csv.writeRow(
              subscriber.getEmail().value(),
              subscriber.getFirstName(),
              subscriber.getLastName(),
              subscriber.getStatus().name(),
              text(subscriber.getCreatedAt()));
          after = subscriber.getEmail().value();
        }
      } while (page.size() == PAGE);
    }
  }

  /** An import's rows that were not imported, by line: line, reason, detail. */
  public void importProblems(
      TenantKey tenant, long listId, long importId, CsvWriter.Builder format, OutputStream out)
      throws IOException {
    try (CsvWriter csv = format.open(out)) {
      csv.writeRow("line", "reason", "detail");
      long after = 0;
      List<ImportProblem> page;
      do {
        page = imports.problems(tenant, listId, importId, after, PAGE);
        for (ImportProblem problem : page) {
          csv.writeRow(String.valueOf(problem.line()), problem.reason().name(), problem.detail());
          after = problem.line();
        }
      } while (page.size() == PAGE);
    }
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
