package de.rundbrief.web.shell;

import de.rundbrief.domain.tenant.TenantNotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The frame's actions: switching tenant and language, signing out. */
@Named("shell")
@RequestScoped
public class ShellBacking {

  @Inject private WorkingTenant workingTenant;
  @Inject private LocaleSwitch localeSwitch;

  private String tenant;
  private String language;

  /** Applies the chosen tenant and reloads the page in it. */
  public void switchTenant() throws IOException {
    try {
      workingTenant.setSelection(tenant);
      reload();
    } catch (TenantNotFoundException e) {
      Messages.error("shell.tenant.unknown");
    }
  }

  public void switchLanguage() throws IOException {
    localeSwitch.setLanguage(language);
    reload();
  }

  public void signOut() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
  }

  private static void reload() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.redirect(external.getRequestContextPath() + faces.getViewRoot().getViewId());
  }

  public String getTenant() {
    return workingTenant.getSelection();
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getLanguage() {
    return localeSwitch.getLanguage();
  }

  public void setLanguage(String language) {
    this.language = language;
  }
}
