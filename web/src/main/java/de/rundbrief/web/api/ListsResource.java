package de.rundbrief.web.api;

import de.rundbrief.application.MailingListData;
import de.rundbrief.application.MailingListService;
import de.rundbrief.domain.mailinglist.ListSummary;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.OptInMode;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.mailinglist.Visibility;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.api.Json.MemberInput;
import de.rundbrief.web.api.Json.MemberJson;
import de.rundbrief.web.api.Json.PageJson;
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

/** A tenant's lists. */
@Path("v1/tenants/{tenant}/lists")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ListsResource {

  @Inject private TenantPaths tenantPaths;
  @Inject private MailingListService lists;

  /** A list as JSON; {@code subscribed} counts its subscribed members. */
  public record ListJson(
      Long id,
      String name,
      String description,
      Visibility visibility,
      OptInMode optInMode,
      String consentText,
      int consentTextVersion,
      long subscribed) {
    static ListJson of(MailingList list, long subscribed) {
      return new ListJson(
          list.getId(),
          list.getName(),
          list.getDescription(),
          list.getVisibility(),
          list.getOptInMode(),
          list.getConsentText(),
          list.getConsentTextVersion(),
          subscribed);
    }
  }

  /** What a client sends to create or change a list. */
  public record ListInput(
      String name,
      String description,
      Visibility visibility,
      OptInMode optInMode,
      String consentText) {
    MailingListData data() {
      return new MailingListData(name, description, visibility, optInMode, consentText);
    }
  }

  @GET
  public List<ListJson> list(@PathParam("tenant") String tenant) {
    return lists.list(tenantPaths.visible(tenant)).stream()
        .map((ListSummary summary) -> ListJson.of(summary.list(), summary.subscribed()))
        .toList();
  }

  @GET
  @Path("{id}")
  public ListJson get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    ListSummary summary = lists.get(tenantPaths.visible(tenant), id);
    return ListJson.of(summary.list(), summary.subscribed());
  }

  @POST
  public Response create(
      @PathParam("tenant") String tenant, ListInput input, @Context UriInfo uri) {
    MailingList created = lists.create(tenantPaths.visible(tenant), required(input).data());
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(ListJson.of(created, 0))
        .build();
  }

  @PUT
  @Path("{id}")
  public ListJson update(
      @PathParam("tenant") String tenant, @PathParam("id") long id, ListInput input) {
    TenantKey key = tenantPaths.visible(tenant);
    lists.update(key, id, required(input).data());
    ListSummary summary = lists.get(key, id);
    return ListJson.of(summary.list(), summary.subscribed());
  }

  /** The list's members by address, optionally only those with one status. */
  @GET
  @Path("{id}/members")
  public PageJson<MemberJson> members(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @QueryParam("status") SubscriptionStatus status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return PageJson.of(
        lists.members(
            tenantPaths.visible(tenant), id, status, Paging.request(page, size, null, true)),
        MemberJson::of);
  }

  @POST
  @Path("{id}/members")
  public Response addMember(
      @PathParam("tenant") String tenant, @PathParam("id") long id, MemberInput input) {
    if (input == null || input.subscriberId() == null) {
      throw new BadRequestException("The request needs a JSON body with subscriberId");
    }
    Subscription subscription =
        lists.addMember(tenantPaths.visible(tenant), id, input.subscriberId(), input.legalBasis());
    return Response.ok(MemberJson.of(subscription)).build();
  }

  @DELETE
  @Path("{id}/members/{subscriberId}")
  public Response removeMember(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @PathParam("subscriberId") long subscriberId) {
    lists.removeMember(tenantPaths.visible(tenant), id, subscriberId);
    return Response.noContent().build();
  }

  private static ListInput required(ListInput input) {
    if (input == null) {
      throw new BadRequestException("The request needs a JSON body");
    }
    return input;
  }
}
