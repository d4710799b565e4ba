package de.rundbrief.web.publicpages;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** What the public pages share: the visitor's address, and "not found" for what does not exist. */
final class PublicPage {

  private PublicPage() {}

  /** The address the request came from, kept as consent proof and counted by the rate limit. */
  static String clientAddress() {
    return ((HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest())
        .getRemoteAddr();
  }

  /** Ends the request with 404, the same for a missing, internal or foreign list or tenant. */
  static void notFound() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseSendError(404, "Not found");
    faces.responseComplete();
  }
}
