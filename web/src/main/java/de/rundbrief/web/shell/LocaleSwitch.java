package de.rundbrief.web.shell;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The staff member's language: the browser's at first, then what they choose. */
@Named
@SessionScoped
public class LocaleSwitch implements Serializable {

  private static final long serialVersionUID = 1L;

  private Locale chosen;

  public Locale getLocale() {
    if (chosen != null) {
      return chosen;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    Locale requested = faces.getExternalContext().getRequestLocale();
    return "de".equals(requested.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public void setLanguage(String language) {
    this.chosen = "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
  }
}
