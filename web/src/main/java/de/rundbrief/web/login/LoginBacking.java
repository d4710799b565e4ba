package de.rundbrief.web.login;

import de.rundbrief.web.shell.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Signs staff in through the application's authentication mechanism, then redirects to the start
 * page itself: replaying the protected request after a form sign-in is not reliable on Payara.
 */
@Named
@RequestScoped
public class LoginBacking {

  @Inject private SecurityContext security;

  private String username;
  private String password;

  /** Staff who are signed in already go straight on. */
  public void redirectIfSignedIn() throws IOException {
    if (security.getCallerPrincipal() != null) {
      ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
      external.redirect(external.getRequestContextPath() + "/subscribers/list.xhtml");
    }
  }

  public void signIn() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(username, password)));
    if (status == AuthenticationStatus.SUCCESS) {
      external.redirect(external.getRequestContextPath() + "/subscribers/list.xhtml");
      faces.responseComplete();
    } else {
      password = null;
      Messages.error("login.failed");
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
