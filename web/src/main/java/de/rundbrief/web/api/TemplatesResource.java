package de.rundbrief.web.api;

import de.rundbrief.application.TemplateChoice;
import de.rundbrief.application.TemplateData;
import de.rundbrief.application.TemplateService;
import de.rundbrief.domain.mailing.MailingTemplate;
import de.rundbrief.domain.mailing.SharedTemplate;
import de.rundbrief.domain.mailing.TemplateContent;
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
import java.time.Instant;
import java.util.List;

/**
 * A tenant's templates ({@code v1/tenants/{tenant}/templates}) and the shared ones that central
 * administrators publish ({@code v1/templates}).
 */
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("v1")
public class TemplatesResource {

  /** A template as the API shows it; {@code shared} and {@code published} for shared ones. */
  public record TemplateJson(
      Long id,
      String name,
      Boolean shared,
      Boolean published,
      String subject,
      String preheader,
      String htmlBody,
      Instant updatedAt) {

    static TemplateJson of(MailingTemplate template) {
      return of(
          template.getId(),
          template.getName(),
          false,
          null,
          template.getContent(),
          template.getUpdatedAt());
    }

    static TemplateJson of(SharedTemplate template) {
      return of(
          template.getId(),
          template.getName(),
          true,
          template.isPublished(),
          template.getContent(),
          template.getUpdatedAt());
    }

    private static TemplateJson of(
        long id,
        String name,
        boolean shared,
        Boolean published,
        TemplateContent content,
        Instant at) {
      return new TemplateJson(
          id,
          name,
          shared,
          published,
          content.getSubject(),
          content.getPreheader(),
          content.getHtmlBody(),
          at);
    }

    static TemplateJson of(TemplateChoice choice) {
      return new TemplateJson(
          choice.id(),
          choice.name(),
          choice.shared(),
          null,
          choice.subject(),
          null,
          null,
          choice.updatedAt());
    }
  }

  @Inject private TenantPaths tenantPaths;
  @Inject private TemplateService templates;

  /** The tenant's templates and the published shared ones (without their bodies). */
  @GET
  @Path("tenants/{tenant}/templates")
  public List<TemplateJson> available(@PathParam("tenant") String tenant) {
    return templates.available(tenantPaths.visible(tenant)).stream().map(TemplateJson::of).toList();
  }

  @GET
  @Path("tenants/{tenant}/templates/{id}")
  public TemplateJson get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return TemplateJson.of(templates.get(tenantPaths.visible(tenant), id));
  }

  /** A published shared template, as a tenant starts a mailing from it. */
  @GET
  @Path("tenants/{tenant}/templates/shared/{id}")
  public TemplateJson getShared(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return TemplateJson.of(templates.getShared(tenantPaths.visible(tenant), id));
  }

  @POST
  @Path("tenants/{tenant}/templates")
  public Response create(
      @PathParam("tenant") String tenant, TemplateJson input, @Context UriInfo uri) {
    MailingTemplate created = templates.create(tenantPaths.visible(tenant), data(input));
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(TemplateJson.of(created))
        .build();
  }

  @PUT
  @Path("tenants/{tenant}/templates/{id}")
  public TemplateJson update(
      @PathParam("tenant") String tenant, @PathParam("id") long id, TemplateJson input) {
    return TemplateJson.of(templates.update(tenantPaths.visible(tenant), id, data(input)));
  }

  @DELETE
  @Path("tenants/{tenant}/templates/{id}")
  public Response delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    templates.delete(tenantPaths.visible(tenant), id);
    return Response.noContent().build();
  }

  /** Every shared template, published or not: central administrators. */
  @GET
  @Path("templates")
  public List<TemplateJson> allShared() {
    return templates.allShared().stream().map(TemplateJson::of).toList();
  }

  @GET
  @Path("templates/{id}")
  public TemplateJson sharedForEditing(@PathParam("id") long id) {
    return TemplateJson.of(templates.getSharedForEditing(id));
  }

  @POST
  @Path("templates")
  public Response createShared(TemplateJson input, @Context UriInfo uri) {
    SharedTemplate created = templates.createShared(data(input));
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(TemplateJson.of(created))
        .build();
  }

  @PUT
  @Path("templates/{id}")
  public TemplateJson updateShared(@PathParam("id") long id, TemplateJson input) {
    return TemplateJson.of(templates.updateShared(id, data(input)));
  }

  @DELETE
  @Path("templates/{id}")
  public Response deleteShared(@PathParam("id") long id) {
    templates.deleteShared(id);
    return Response.noContent().build();
  }

  private static TemplateData data(TemplateJson input) {
    if (input == null) {
      throw new BadRequestException("The request needs a JSON body");
    }
    return new TemplateData(
        input.name(),
        input.subject(),
        input.preheader(),
        input.htmlBody(),
        Boolean.TRUE.equals(input.published()));
  }
}
