package de.rundbrief.web.api;

import de.rundbrief.application.SettingsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * A tenant's settings: every setting as it counts there; its administrators set the tenant's own
 * value where central administrators allow it.
 */
@Path("v1/tenants/{tenant}/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantSettingsResource {

  @Inject private TenantPaths tenantPaths;
  @Inject private SettingsService settings;

  @GET
  public List<SettingJson> list(@PathParam("tenant") String tenant) {
    return settings.listTenant(tenantPaths.visible(tenant)).stream().map(SettingJson::of).toList();
  }

  @GET
  @Path("{key}")
  public SettingJson get(@PathParam("tenant") String tenant, @PathParam("key") String key) {
    return SettingJson.of(settings.getTenant(tenantPaths.visible(tenant), SettingJson.key(key)));
  }

  @PUT
  @Path("{key}")
  public SettingJson put(
      @PathParam("tenant") String tenant, @PathParam("key") String key, SettingJson.Input input) {
    if (input == null || input.value() == null) {
      throw new BadRequestException("The request needs a value");
    }
    return SettingJson.of(
        settings.setTenant(tenantPaths.visible(tenant), SettingJson.key(key), input.value()));
  }

  /** Removes the tenant's own value: the global one counts again. */
  @DELETE
  @Path("{key}")
  public SettingJson delete(@PathParam("tenant") String tenant, @PathParam("key") String key) {
    return SettingJson.of(settings.clearTenant(tenantPaths.visible(tenant), SettingJson.key(key)));
  }
}
