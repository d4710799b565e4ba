package de.rundbrief.web.api;

import de.rundbrief.application.MailingListData;
import de.rundbrief.application.MailingListService;
import de.rundbrief.domain.mailinglist.ListSummary;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.OptInMode;
import de.rundbrief.domain.mailinglist.Visibility;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
      long subscribed) {
    static ListJson of(MailingList list, long subscribed) {
      return new ListJson(
          list.getId(),
          list.getName(),
          list.getDescription(),
          list.getVisibility(),
          list.getOptInMode(),
          subscribed);
    }
  }

  /** What a client sends to create a list. */
  public record ListInput(
      String name, String description, Visibility visibility, OptInMode optInMode) {}

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
    if (input == null) {
      throw new BadRequestException("The request needs a JSON body");
    }
    MailingList created =
        lists.create(
            tenantPaths.visible(tenant),
            new MailingListData(
                input.name(), input.description(), input.visibility(), input.optInMode()));
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(ListJson.of(created, 0))
        .build();
  }
}
