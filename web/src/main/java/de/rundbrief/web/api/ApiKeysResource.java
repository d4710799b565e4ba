package de.rundbrief.web.api;

import de.rundbrief.application.ApiKeyService;
import de.rundbrief.domain.apikey.ApiKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's API keys, for integrations such as the CMS: tenant administrators issue (the key is in
 * the answer, once) and revoke them.
 */
@Path("v1/tenants/{tenant}/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

  /** A key as listed: never its secret; {@code key} only in the answer that issues it. */
  public record ApiKeyJson(
      long id,
      String name,
      String createdBy,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt,
      String key) {

    static ApiKeyJson of(ApiKey key, String text) {
      return new ApiKeyJson(
          key.getId(),
          key.getName(),
          key.getCreatedBy(),
          key.getCreatedAt(),
          key.getLastUsedAt(),
          key.getRevokedAt(),
          text);
    }
  }

  /** What a new key is called. */
  public record ApiKeyInput(String name) {}

  @Inject private TenantPaths tenantPaths;
  @Inject private ApiKeyService keys;

  @GET
  public List<ApiKeyJson> list(@PathParam("tenant") String tenant) {
    return keys.list(tenantPaths.visible(tenant)).stream()
        .map(key -> ApiKeyJson.of(key, null))
        .toList();
  }

  @POST
  public Response issue(@PathParam("tenant") String tenant, ApiKeyInput input) {
    if (input == null) {
      throw new BadRequestException("The request needs a JSON body");
    }
    ApiKeyService.Issued issued = keys.issue(tenantPaths.visible(tenant), input.name());
    return Response.status(Response.Status.CREATED)
        .entity(ApiKeyJson.of(issued.key(), issued.text()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    keys.revoke(tenantPaths.visible(tenant), id);
    return Response.noContent().build();
  }
}
