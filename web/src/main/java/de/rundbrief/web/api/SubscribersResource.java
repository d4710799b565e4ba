package de.rundbrief.web.api;

import de.rundbrief.application.AttributeService;
import de.rundbrief.application.SubscriberData;
import de.rundbrief.application.SubscriberService;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberFilter;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.api.Json.PageJson;
import de.rundbrief.web.api.Json.SubscriberExportJson;
import de.rundbrief.web.api.Json.SubscriberInput;
import de.rundbrief.web.api.Json.SubscriberJson;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * A tenant's subscribers. Every path first resolves the tenant as the caller sees it, so a foreign
 * or unknown tenant answers 404 before anything else is looked at.
 */
@Path("v1/tenants/{tenant}/subscribers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscribersResource {

  @Inject private TenantPaths tenantPaths;
  @Inject private SubscriberService subscribers;
  @Inject private AttributeService fields;

  @GET
  public PageJson<SubscriberJson> list(
      @PathParam("tenant") String tenantKey,
      @QueryParam("q") String query,
      @QueryParam("status") SubscriberStatus status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size,
      @QueryParam("sort") @DefaultValue("createdAt") String sort,
      @QueryParam("desc") @DefaultValue("false") boolean descending) {
    TenantKey tenant = tenant(tenantKey);
    if (!SubscriberRepository.SORTABLE.contains(sort)) {
      throw new BadRequestException(
          "sort must be one of email, firstName, lastName, status, createdAt");
    }
    PageRequest request = Paging.request(page, size, sort, !descending);
    return PageJson.of(
        subscribers.search(tenant, new SubscriberFilter(query, status, null), request),
        SubscriberJson::of);
  }

  @GET
  @Path("{id}")
  public SubscriberJson get(@PathParam("tenant") String tenantKey, @PathParam("id") long id) {
    TenantKey tenant = tenant(tenantKey);
    return SubscriberJson.of(subscribers.get(tenant, id), fields.valuesOf(tenant, id));
  }

  @POST
  public Response create(
      @PathParam("tenant") String tenantKey, SubscriberInput input, @Context UriInfo uri) {
    Subscriber created = subscribers.create(tenant(tenantKey), data(input));
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(SubscriberJson.of(created))
        .build();
  }

  @PUT
  @Path("{id}")
  public SubscriberJson update(
      @PathParam("tenant") String tenantKey, @PathParam("id") long id, SubscriberInput input) {
    return SubscriberJson.of(subscribers.update(tenant(tenantKey), id, data(input)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("tenant") String tenantKey, @PathParam("id") long id) {
    subscribers.delete(tenant(tenantKey), id);
    return Response.noContent().build();
  }

  /**
   * Everything kept about one subscriber, as a JSON file to hand to the person (GDPR Art. 15 and
   * 20).
   */
  @GET
  @Path("{id}/export")
  public Response export(@PathParam("tenant") String tenantKey, @PathParam("id") long id) {
    TenantKey tenant = tenant(tenantKey);
    SubscriberExportJson export =
        SubscriberExportJson.of(
            tenant, subscribers.detail(tenant, id), subscribers.trackingEvents(tenant, id));
    return Response.ok(export)
        .header("Content-Disposition", "attachment; filename=\"subscriber-" + id + ".json\"")
        .build();
  }

  /** The subscriber's opens and clicks, newest first. */
  @GET
  @Path("{id}/tracking")
  public List<Json.TrackingEventJson> tracking(
      @PathParam("tenant") String tenantKey, @PathParam("id") long id) {
    return subscribers.trackingEvents(tenant(tenantKey), id).stream()
        .map(Json.TrackingEventJson::of)
        .toList();
  }

  /** Erases the subscriber on request (GDPR Art. 17); see {@link SubscriberService#erase}. */
  @POST
  @Path("{id}/erase")
  public Response erase(@PathParam("tenant") String tenantKey, @PathParam("id") long id) {
    subscribers.erase(tenant(tenantKey), id);
    return Response.noContent().build();
  }

  private TenantKey tenant(String tenantKey) {
    return tenantPaths.visible(tenantKey);
  }

  /** The input as the service takes it; the service validates it. */
  private static SubscriberData data(SubscriberInput input) {
    if (input == null) {
      throw new BadRequestException("The request needs a JSON body");
    }
    return new SubscriberData(
        input.email(), input.firstName(), input.lastName(), input.status(), input.attributes());
  }
}
