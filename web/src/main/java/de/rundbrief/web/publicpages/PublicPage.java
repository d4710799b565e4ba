package de.rundbrief.web.publicpages;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** What the public pages share: the visitor's address and how they read ids from the address. */
final class PublicPage {

  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

  private PublicPage() {}

  /**
   * An id from a view parameter. Pages take ids as text and read them here, in their view action: a
   * view parameter with a converter that fails marks the request invalid and Faces skips the view
   * action, so the page would render empty instead of answering 404.
   *
   * @return the id, or empty for anything but up to 18 digits (which always fit a {@code long})
   */
  static OptionalLong id(String parameter) {
    return parameter != null && ID.matcher(parameter).matches()
        ? OptionalLong.of(Long.parseLong(parameter))
        : OptionalLong.empty();
  }

  /** The address the request came from, kept as consent proof and counted by the rate limit. */
  static String clientAddress() {
    return ((HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest())
        .getRemoteAddr();
  }
}
