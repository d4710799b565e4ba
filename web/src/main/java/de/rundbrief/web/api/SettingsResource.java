package de.rundbrief.web.api;

import de.rundbrief.application.SettingsService;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingNotOverridableException;
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

/** The global settings, for central administrators. */
@Path("v1/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

  @Inject private SettingsService settings;

  @GET
  public List<SettingJson> list() {
    return settings.listGlobal().stream().map(SettingJson::of).toList();
  }

  @GET
  @Path("{key}")
  public SettingJson get(@PathParam("key") String key) {
    return SettingJson.of(settings.getGlobal(SettingJson.key(key)));
  }

  /** Sets the value, whether tenants may override it, or both. */
  @PUT
  @Path("{key}")
  public SettingJson put(@PathParam("key") String name, SettingJson.Input input) {
    SettingKey key = SettingJson.key(name);
    if (input == null || (input.value() == null && input.tenantMayOverride() == null)) {
      throw new BadRequestException("The request needs value, tenantMayOverride or both");
    }
    if (key.isGlobalOnly() && Boolean.TRUE.equals(input.tenantMayOverride())) {
      throw new SettingNotOverridableException(key);
    }
    if (input.value() != null) {
      settings.setGlobal(key, input.value());
    }
    if (input.tenantMayOverride() != null) {
      settings.allowTenantValues(key, input.tenantMayOverride());
    }
    return SettingJson.of(settings.getGlobal(key));
  }

  /** Removes the global value: the default counts again. Whether tenants may override stays. */
  @DELETE
  @Path("{key}")
  public SettingJson delete(@PathParam("key") String key) {
    return SettingJson.of(settings.clearGlobal(SettingJson.key(key)));
  }
}
