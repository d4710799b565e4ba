package de.rundbrief.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets the tenants' websites call the public subscription endpoint from their own pages. It takes
 * no cookies and no credentials, so any origin may; staff paths send no CORS headers at all.
 */
@Provider
public class PublicCors implements ContainerResponseFilter {

  private static final String PUBLIC_FORMS = "v1/public/tenants/";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getUriInfo().getPath().startsWith(PUBLIC_FORMS)) {
      response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
      response.getHeaders().putSingle("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      response.getHeaders().putSingle("Access-Control-Allow-Headers", "Content-Type");
      response.getHeaders().putSingle("Access-Control-Max-Age", "600");
    }
  }
}
