package de.rundbrief.web.api;

import de.rundbrief.application.CmsService;
import de.rundbrief.application.CmsSourceData;
import de.rundbrief.application.CmsSourceView;
import de.rundbrief.domain.cms.CmsItem;
import de.rundbrief.domain.cms.CmsSourceKind;
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
import java.time.Instant;
import java.util.List;

/**
 * The CMS connection: sources central administrators manage ({@code v1/cms/sources}), and what
 * editors of a tenant read from them ({@code v1/tenants/{tenant}/cms/sources}). Passwords go in,
 * never out.
 */
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("v1")
public class CmsResource {

  /**
   * A source as the API shows and takes it; {@code password} and {@code removeCredentials} only go
   * in, {@code credentials} (NONE, STORED, ALIAS) only comes out.
   */
  public record SourceJson(
      Long id,
      String name,
      CmsSourceKind kind,
      String url,
      String credentials,
      String username,
      String password,
      String secretAlias,
      Boolean removeCredentials,
      Instant updatedAt,
      String updatedBy) {

    static SourceJson of(CmsSourceView view) {
      return new SourceJson(
          view.id(),
          view.name(),
          view.kind(),
          view.url(),
          view.credentials().name(),
          view.username(),
          null,
          view.secretAlias(),
          null,
          view.updatedAt(),
          view.updatedBy());
    }

    /** What an editor needs to choose a source: no address, no credentials. */
    static SourceJson forEditors(CmsSourceView view) {
      return new SourceJson(
          view.id(), view.name(), view.kind(), null, null, null, null, null, null, null, null);
    }
  }

  /** An item of a source. */
  public record ItemJson(
      String id, String title, String link, Instant published, String teaser, String image) {

    static ItemJson of(CmsItem item) {
      return new ItemJson(
          item.id(),
          item.title(),
          item.link() == null ? null : item.link().toString(),
          item.published(),
          item.teaser(),
          item.image() == null ? null : item.image().toString());
    }
  }

  /** The chosen items of a source, to become content blocks. */
  public record BlocksRequest(List<String> items, String readMore) {}

  /** Sanitised HTML for a mailing; {@code title} for a page. */
  public record HtmlJson(String title, String html) {}

  @Inject private CmsService cms;
  @Inject private TenantPaths tenantPaths;

  @GET
  @Path("cms/sources")
  public List<SourceJson> list() {
    return cms.listSources().stream().map(SourceJson::of).toList();
  }

  @GET
  @Path("cms/sources/{id}")
  public SourceJson get(@PathParam("id") long id) {
    return SourceJson.of(cms.getSource(id));
  }

  @POST
  @Path("cms/sources")
  public Response create(SourceJson input, @Context UriInfo uri) {
    CmsSourceView created = cms.createSource(data(input));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(SourceJson.of(created))
        .build();
  }

  @PUT
  @Path("cms/sources/{id}")
  public SourceJson change(@PathParam("id") long id, SourceJson input) {
    return SourceJson.of(cms.changeSource(id, data(input)));
  }

  @DELETE
  @Path("cms/sources/{id}")
  public Response delete(@PathParam("id") long id) {
    cms.deleteSource(id);
    return Response.noContent().build();
  }

  /** Reads the source now: its newest items, or 502 with the reason it cannot be read. */
  @POST
  @Path("cms/sources/{id}/check")
  public List<ItemJson> check(@PathParam("id") long id) {
    return cms.checkSource(id).stream().map(ItemJson::of).toList();
  }

  @GET
  @Path("tenants/{tenant}/cms/sources")
  public List<SourceJson> sources(@PathParam("tenant") String tenant) {
    return cms.sources(tenantPaths.visible(tenant)).stream().map(SourceJson::forEditors).toList();
  }

  @GET
  @Path("tenants/{tenant}/cms/sources/{id}/items")
  public List<ItemJson> items(
      @PathParam("tenant") String tenant,
      @PathParam("id") long id,
      @QueryParam("max") @DefaultValue("20") int max) {
    return cms.items(tenantPaths.visible(tenant), id, max).stream().map(ItemJson::of).toList();
  }

  @POST
  @Path("tenants/{tenant}/cms/sources/{id}/blocks")
  public HtmlJson blocks(
      @PathParam("tenant") String tenant, @PathParam("id") long id, BlocksRequest input) {
    if (input == null || input.items() == null || input.items().isEmpty()) {
      throw new BadRequestException("Name the items: {\"items\": [\"id\", …]}");
    }
    return new HtmlJson(
        null, cms.contentBlocks(tenantPaths.visible(tenant), id, input.items(), input.readMore()));
  }

  @GET
  @Path("tenants/{tenant}/cms/sources/{id}/page")
  public HtmlJson page(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    CmsService.CmsPageBody page = cms.pageBody(tenantPaths.visible(tenant), id);
    return new HtmlJson(page.title(), page.html());
  }

  private static CmsSourceData data(SourceJson input) {
    if (input == null) {
      throw new BadRequestException("The request needs a JSON body");
    }
    return new CmsSourceData(
        input.name(),
        input.kind(),
        input.url(),
        input.username(),
        input.password(),
        input.secretAlias(),
        Boolean.TRUE.equals(input.removeCredentials()));
  }
}
