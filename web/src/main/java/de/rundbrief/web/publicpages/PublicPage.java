package de.rundbrief.web.publicpages;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** What the public pages share: the visitor's address. */
final class PublicPage {

  private PublicPage() {}

  /** The address the request came from, kept as consent proof and counted by the rate limit. */
  static String clientAddress() {
    return ((HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest())
        .getRemoteAddr();
  }
}
