package de.rundbrief.web.shell;

import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** What views do alike. */
public final class Views {

  private Views() {}

  /**
   * Ends the request with 404: the answer for a record that does not exist and for one in a tenant
   * the caller may not see, so that nothing tells them apart.
   */
  public static void notFound() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().responseSendError(404, "Not found");
    faces.responseComplete();
  }

  /** Ends the request with 403: a screen the member's role does not open. */
  public static void forbidden() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().responseSendError(403, "Forbidden");
    faces.responseComplete();
  }
}
