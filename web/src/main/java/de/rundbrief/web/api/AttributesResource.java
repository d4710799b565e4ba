package de.rundbrief.web.api;

import de.rundbrief.application.AttributeData;
import de.rundbrief.application.AttributeService;
import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.web.api.Json.AttributeInput;
import de.rundbrief.web.api.Json.AttributeJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** A tenant's fields ("attributes" in the API): tenant administrators define them. */
@Path("v1/tenants/{tenant}/attributes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttributesResource {

  @Inject private TenantPaths tenantPaths;
  @Inject private AttributeService fields;

  @GET
  public List<AttributeJson> list(@PathParam("tenant") String tenant) {
    return fields.list(tenantPaths.visible(tenant)).stream().map(AttributeJson::of).toList();
  }

  @POST
  public Response create(
      @PathParam("tenant") String tenant, AttributeInput input, @Context UriInfo uri) {
    AttributeDefinition created = fields.create(tenantPaths.visible(tenant), data(input));
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(AttributeJson.of(created))
        .build();
  }

  @PUT
  @Path("{id}")
  public AttributeJson update(
      @PathParam("tenant") String tenant, @PathParam("id") long id, AttributeInput input) {
    return AttributeJson.of(fields.update(tenantPaths.visible(tenant), id, data(input)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    fields.delete(tenantPaths.visible(tenant), id);
    return Response.noContent().build();
  }

  private static AttributeData data(AttributeInput input) {
    if (input == null) {
      throw new BadRequestException("The request needs a JSON body");
    }
    return new AttributeData(
        input.key(),
        input.label(),
        input.type(),
        input.choices(),
        Boolean.TRUE.equals(input.required()));
  }
}
