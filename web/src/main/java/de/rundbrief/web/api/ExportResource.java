package de.rundbrief.web.api;

import de.rundbrief.application.MailingListService;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.csv.CsvWriter;
import de.rundbrief.web.exports.CsvExports;
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

/**
 * A list's members as CSV (UTF-8), streamed page by page from the database: {@code email,
 * firstName, lastName, status, createdAt, subscribedAt}. Cells that a spreadsheet would run as a
 * formula are written as text (see {@link CsvWriter}).
 */
@Path("v1/tenants/{tenant}/lists/{id}/export")
@RequestScoped
public class ExportResource {

  @Inject private TenantPaths tenantPaths;
  @Inject private MailingListService lists;
  @Inject private CsvExports exports;

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
    StreamingOutput csv = out -> exports.listMembers(key, id, status, format, out);
    return CsvDownload.attachment(csv, "list-" + id + ".csv");
  }
}
