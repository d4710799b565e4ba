package de.rundbrief.web.api;

import de.rundbrief.application.TenantService;
import de.rundbrief.web.api.Json.TenantJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The tenants the caller may see: all of them for central staff, its own for tenant staff. */
@Path("v1/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

  @Inject private TenantService tenants;

  @GET
  public List<TenantJson> list() {
    return tenants.listVisible().stream().map(TenantJson::of).toList();
  }
}
