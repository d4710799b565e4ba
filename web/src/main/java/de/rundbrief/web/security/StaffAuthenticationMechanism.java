package de.rundbrief.web.security;

import de.rundbrief.application.ApiKeyService;
import de.rundbrief.application.SignInService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.apikey.ApiKey;
import de.rundbrief.domain.staff.StaffGroups;
import de.rundbrief.domain.staff.StaffRole;
import de.rundbrief.web.security.StaffIdentity.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * The one way staff sign in.
 *
 * <ul>
 *   <li>The sign-in page passes the credential through {@code SecurityContext.authenticate}; on
 *       success the session id is renewed and the session remembers the caller.
 *   <li>Requests under {@code /api/} carry HTTP Basic credentials, or an integration's API key as a
 *       bearer token, each time and create no session.
 *   <li>A protected page without a signed-in session redirects to the sign-in page.
 * </ul>
 *
 * A valid password is not enough: the realm groups must give a Rundbrief role, central or in an
 * active tenant.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

  public static final String LOGIN_PAGE = "/login.xhtml";
  static final String SESSION_ATTRIBUTE = SignedIn.class.getName();
  private static final String API_PREFIX = "/api/";

  @Inject private IdentityStoreHandler identityStores;
  @Inject private SignInService signIn;
  @Inject private ApiKeyService apiKeys;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signInToSession(request, context, credential);
    }
    if (isApi(request)) {
      return basic(request, response, context);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof SignedIn signedIn) {
      return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
    }
    if (context.isProtected()) {
      return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }
    return context.doNothing();
  }

  private AuthenticationStatus signInToSession(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    CredentialValidationResult result = validate(credential);
    if (result == null) {
      // the sign-in page says so itself; no error page
      return AuthenticationStatus.SEND_FAILURE;
    }
    HttpSession existing = request.getSession(false);
    if (existing != null) {
      request.changeSessionId();
    }
    request
        .getSession()
        .setAttribute(
            SESSION_ATTRIBUTE,
            new SignedIn(result.getCallerPrincipal().getName(), result.getCallerGroups()));
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus basic(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return apiKey(header.substring(7).trim(), response, context);
    }
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      CredentialValidationResult result = validate(basicCredential(header.substring(6).trim()));
      if (result != null) {
        return context.notifyContainerAboutLogin(result);
      }
      return challenge(response);
    }
    return context.isProtected() ? challenge(response) : context.doNothing();
  }

  /**
   * An integration's API key: valid, it signs the request in as an editor of the key's tenant and
   * of no other, as {@code api-key:<tenant>:<id>}.
   */
  private AuthenticationStatus apiKey(
      String presented, HttpServletResponse response, HttpMessageContext context) {
    ApiKey.Presented key = ApiKey.parse(presented).orElse(null);
    boolean valid;
    try {
      valid = key != null && apiKeys.authenticate(key.tenant(), key.id(), key.secret());
    } catch (NotFoundException unknownOrInactiveTenant) {
      valid = false;
    }
    if (!valid) {
      return challenge(response);
    }
    String group = StaffGroups.groupFor(key.tenant(), StaffRole.TENANT_EDITOR);
    String name = "api-key:" + key.tenant().value() + ":" + key.id();
    Set<String> groups = new HashSet<>(StaffGroups.member(name, Set.of(group)).roleNames());
    groups.add(group);
    return context.notifyContainerAboutLogin(name, groups);
  }

  private CredentialValidationResult validate(Credential credential) {
    if (credential == null) {
      return null;
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID
        || !signIn.maySignIn(result.getCallerGroups())) {
      return null;
    }
    return result;
  }

  private static UsernamePasswordCredential basicCredential(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 1
          ? null
          : new UsernamePasswordCredential(
              decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** 401 with a Basic challenge and the API's JSON error shape, not the server's HTML page. */
  private static AuthenticationStatus challenge(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"Rundbrief\", charset=\"UTF-8\"");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    try {
      response
          .getWriter()
          .write(
              "{\"status\":401,\"message\":\"Sign in with your staff user name and password\","
                  + "\"fields\":{}}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(API_PREFIX);
  }
}
