package de.rundbrief.web.api;

import de.rundbrief.application.ExportService;
import de.rundbrief.application.MailingListService;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.csv.CsvWriter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.List;

/**
 * A list's members as CSV (UTF-8), streamed page by page from the database: {@code email,
 * firstName, lastName, status, createdAt, subscribedAt}. Cells that a spreadsheet would run as a
 * formula are written as text (see {@link CsvWriter}).
 */
@Path("v1/tenants/{tenant}/lists/{id}/export")
@RequestScoped
public class ExportResource {

  private static final int PAGE = 2_000;

  @Inject private TenantPaths tenantPaths;
  @Inject private MailingListService lists;
  @Inject private ExportService export;

  /**
   * @param status only members with this status; all if absent
   * @param separator {@code ,} (the default) or {@code ;} for a German Excel
   * @param bom start with the UTF-8 byte order mark by which Excel recognises UTF-8
   */
  @GET
  @Produces(ImportsResource.CSV)
  public Response export(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @QueryParam("status") SubscriptionStatus status,
      @QueryParam("separator") @DefaultValue(",") String separator,
      @QueryParam("bom") @DefaultValue("false") boolean bom) {
    TenantKey key = tenantPaths.visible(tenant);
    lists.get(key, id);
    CsvWriter.Builder format = CsvDownload.format(separator, bom);
    StreamingOutput csv =
        out -> {
          try (CsvWriter writer = format.open(out)) {
            writer.writeRow(
                "email", "firstName", "lastName", "status", "createdAt", "subscribedAt");
            String after = null;
            List<Subscription> page;
            do {
              page = export.members(key, id, status, after, PAGE);
              for (Subscription member : page) {
                Subscriber subscriber = member.getSubscriber();
                writer.writeRow(
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
        };
    return CsvDownload.attachment(csv, "list-" + id + ".csv");
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
