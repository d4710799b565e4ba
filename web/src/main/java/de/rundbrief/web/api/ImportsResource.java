package de.rundbrief.web.api;

import de.rundbrief.application.ImportService;
import de.rundbrief.domain.importing.ExistingSubscribers;
import de.rundbrief.domain.importing.ImportJob;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.importing.ImportState;
import de.rundbrief.domain.importing.UploadTooLargeException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.csv.CsvWriter;
import de.rundbrief.web.exports.CsvExports;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CSV imports into a list: upload (the file as the body, mapping and options as query parameters),
 * follow, read the problems as CSV, cancel.
 */
@Path("v1/tenants/{tenant}/lists/{id}/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

  /** The prefix of the query parameters that map a field to a column. */
  static final String FIELD_PARAMETER = "field.";

  /** The media type of CSV files (RFC 7111), with the charset of what Rundbrief writes. */
  static final String CSV = "text/csv; charset=UTF-8";

  @Inject private TenantPaths tenantPaths;
  @Inject private ImportService imports;
  @Inject private CsvExports exports;

  /** The mapping and options as they were given. */
  public record OptionsJson(
      String email,
      String firstName,
      String lastName,
      String existing,
      String legalBasis,
      String charset,
      String separator,
      Map<String, String> fields) {
    static OptionsJson of(ImportOptions options) {
      return new OptionsJson(
          options.emailColumn(),
          options.firstNameColumn(),
          options.lastNameColumn(),
          options.existing().name().toLowerCase(Locale.ROOT),
          options.legalBasis(),
          options.charset(),
          options.separator() == null
              ? null
              : options.separator() == '\t' ? "tab" : String.valueOf(options.separator()),
          options.fieldColumns());
    }
  }

  /** The query parameters {@code field.<key>=<column>}: which field is filled from which column. */
  private static Map<String, String> fieldColumns(UriInfo uri) {
    Map<String, String> columns = new LinkedHashMap<>();
    uri.getQueryParameters()
        .forEach(
            (name, values) -> {
              if (name.startsWith(FIELD_PARAMETER) && !values.isEmpty()) {
                columns.put(name.substring(FIELD_PARAMETER.length()), values.get(0));
              }
            });
    return columns;
  }

  /**
   * An import: its state, how far it got (0 to 100) and its counts. {@code rowsRead} counts every
   * record after the header; each is {@code imported} (a new subscriber), {@code updated} (a known
   * one, with {@code existing=update}), {@code skipped} (a known one left as it was) or one of the
   * {@code problems}.
   */
  public record ImportJson(
      long id,
      long listId,
      ImportState state,
      int progress,
      long rowsRead,
      long imported,
      long updated,
      long skipped,
      long problems,
      String failure,
      String createdBy,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      OptionsJson options) {
    static ImportJson of(ImportJob job) {
      return new ImportJson(
          job.getId(),
          job.getMailingListId(),
          job.getState(),
          job.getProgress(),
          job.getRowsRead(),
          job.getImported(),
          job.getUpdated(),
          job.getSkipped(),
          job.getProblems(),
          job.getFailure(),
          job.getCreatedBy(),
          job.getCreatedAt(),
          job.getStartedAt(),
          job.getFinishedAt(),
          OptionsJson.of(job.getOptions()));
    }
  }

  @POST
  // Not text/plain: a form on another site may post that without asking, with a browser's
  // remembered credentials; text/csv and octet-stream need the browser to ask first (CORS).
  @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
  public Response upload(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @QueryParam("email") String email,
      @QueryParam("firstName") String firstName,
      @QueryParam("lastName") String lastName,
      @QueryParam("existing") @DefaultValue("skip") String existing,
      @QueryParam("legalBasis") String legalBasis,
      @QueryParam("charset") @DefaultValue("UTF-8") String charset,
      @QueryParam("separator") String separator,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long length,
      InputStream body,
      @Context UriInfo uri) {
    TenantKey key = tenantPaths.visible(tenant);
    if (email == null || email.isBlank()) {
      throw new BadRequestException(
          "The query parameter email names the file's column with the addresses");
    }
    ImportOptions options =
        new ImportOptions(
            email,
            firstName,
            lastName,
            existing(existing),
            legalBasis,
            charset,
            separator(separator),
            fieldColumns(uri));
    ImportJob job;
    try {
      job = imports.upload(key, id, options, body, length);
    } catch (UploadTooLargeException tooLarge) {
      swallow(body, tooLarge.getMaxBytes());
      throw tooLarge;
    }
    return Response.accepted(ImportJson.of(job))
        .location(uri.getAbsolutePathBuilder().path(String.valueOf(job.getId())).build())
        .build();
  }

  /** The list's imports, newest first. */
  @GET
  public List<ImportJson> list(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return imports.list(tenantPaths.visible(tenant), id, 100).stream().map(ImportJson::of).toList();
  }

  @GET
  @Path("{importId}")
  public ImportJson get(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @PathParam("importId") long importId) {
    return ImportJson.of(imports.get(tenantPaths.visible(tenant), id, importId));
  }

  /** Every row that was not imported, as CSV: {@code line;reason;detail}. */
  @GET
  @Path("{importId}/problems")
  @Produces(CSV)
  public Response problems(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @PathParam("importId") long importId) {
    TenantKey key = tenantPaths.visible(tenant);
    imports.get(key, id, importId);
    StreamingOutput csv =
        out -> exports.importProblems(key, id, importId, CsvWriter.builder().separator(';'), out);
    return CsvDownload.attachment(csv, "import-" + importId + "-problems.csv");
  }

  /** Cancels a queued or running import; 409 if it has already ended. */
  @DELETE
  @Path("{importId}")
  public ImportJson cancel(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @PathParam("importId") long importId) {
    return ImportJson.of(imports.cancel(tenantPaths.visible(tenant), id, importId));
  }

  /**
   * Reads what the client is still sending, up to twice the limit, so that it gets to read the 413
   * instead of a connection closed under its upload. A larger upload is cut off.
   */
  private static void swallow(InputStream body, long limit) {
    byte[] buffer = new byte[64 * 1024];
    try {
      for (long read = 0; read <= 2 * limit; ) {
        int n = body.read(buffer);
        if (n < 0) {
          return;
        }
        read += n;
      }
    } catch (IOException e) {
      // the client has gone; the 413 is for nobody
    }
  }

  private static ExistingSubscribers existing(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "skip" -> ExistingSubscribers.SKIP;
      case "update" -> ExistingSubscribers.UPDATE;
      default -> throw new BadRequestException("existing is update or skip, not " + value);
    };
  }

  private static Character separator(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return switch (value) {
      case ";", "," -> value.charAt(0);
      case "tab", "\t" -> '\t';
      default -> throw new BadRequestException("separator is ';', ',' or tab, not " + value);
    };
  }
}
