package de.rundbrief.web.api;

import de.rundbrief.application.SegmentData;
import de.rundbrief.application.SegmentService;
import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.csv.CsvWriter;
import de.rundbrief.web.api.Json.CountJson;
import de.rundbrief.web.api.Json.PageJson;
import de.rundbrief.web.api.Json.SegmentJson;
import de.rundbrief.web.api.Json.SubscriberJson;
import de.rundbrief.web.exports.CsvExports;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * A tenant's segments. Rules are data: {@code {"field":"attribute:age","operator":"GREATER",
 * "value":"40"}}; fields are {@code email}, {@code firstName}, {@code lastName}, {@code status},
 * {@code createdAt}, {@code list} (value: the list id) and {@code attribute:<key>}.
 */
@Path("v1/tenants/{tenant}/segments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SegmentsResource {

  @Inject private TenantPaths tenantPaths;
  @Inject private SegmentService segments;
  @Inject private CsvExports exports;

  @GET
  public List<SegmentJson> list(@PathParam("tenant") String tenant) {
    return segments.list(tenantPaths.visible(tenant)).stream().map(SegmentJson::of).toList();
  }

  @GET
  @Path("{id}")
  public SegmentJson get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return SegmentJson.of(segments.get(tenantPaths.visible(tenant), id));
  }

  @POST
  public Response create(
      @PathParam("tenant") String tenant, SegmentJson input, @Context UriInfo uri) {
    Segment created = segments.create(tenantPaths.visible(tenant), data(input));
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(SegmentJson.of(created))
        .build();
  }

  @PUT
  @Path("{id}")
  public SegmentJson update(
      @PathParam("tenant") String tenant, @PathParam("id") long id, SegmentJson input) {
    return SegmentJson.of(segments.update(tenantPaths.visible(tenant), id, data(input)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    segments.delete(tenantPaths.visible(tenant), id);
    return Response.noContent().build();
  }

  /** How many subscribers these rules select now, without saving them. */
  @POST
  @Path("count")
  public CountJson count(@PathParam("tenant") String tenant, SegmentJson input) {
    return new CountJson(segments.count(tenantPaths.visible(tenant), required(input).definition()));
  }

  @GET
  @Path("{id}/members")
  public PageJson<SubscriberJson> members(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return PageJson.of(
        segments.members(
            tenantPaths.visible(tenant), id, Paging.request(page, size, "email", true)),
        SubscriberJson::of);
  }

  /** The subscribers the segment selects now, as CSV, read page by page in address order. */
  @GET
  @Path("{id}/export")
  @Produces(ImportsResource.CSV)
  public Response export(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @QueryParam("separator") @DefaultValue(",") String separator,
      @QueryParam("bom") @DefaultValue("false") boolean bom) {
    TenantKey key = tenantPaths.visible(tenant);
    segments.get(key, id);
    CsvWriter.Builder format = CsvDownload.format(separator, bom);
    StreamingOutput csv = out -> exports.segmentMembers(key, id, format, out);
    return CsvDownload.attachment(csv, "segment-" + id + ".csv");
  }

  private static SegmentData data(SegmentJson input) {
    return new SegmentData(required(input).name(), input.definition());
  }

  private static SegmentJson required(SegmentJson input) {
    if (input == null) {
      throw new BadRequestException("The request needs a JSON body");
    }
    return input;
  }
}
