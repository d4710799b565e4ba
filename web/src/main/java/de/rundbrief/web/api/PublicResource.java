package de.rundbrief.web.api;

import de.rundbrief.application.ConsentService;
import de.rundbrief.application.PublicListView;
import de.rundbrief.application.SubscriptionRequest;
import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantNotFoundException;
import de.rundbrief.web.publicpages.PublicRateLimit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * What the public reaches without signing in: the JSON endpoint behind a website's own subscription
 * form, and RFC 8058 one-click unsubscribe. Every tenant, list or token that does not exist, is
 * internal, deactivated or forged answers alike.
 */
@Path("v1/public")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublicResource {

  private static final Logger LOG = Logger.getLogger(PublicResource.class.getName());

  @Inject private ConsentService consent;
  @Inject private PublicRateLimit rateLimit;
  @Context private HttpServletRequest request;

  /** A public list's form: what to show (the consent text!) and the token to send back. */
  public record FormJson(
      String tenantName,
      String listName,
      String description,
      String consentText,
      int consentTextVersion,
      String formToken) {}

  /**
   * What a website's form sends.
   *
   * @param website the honeypot: a field people never see and bots fill in; must stay empty
   */
  public record SubscriptionJson(
      String email,
      String firstName,
      String lastName,
      Integer consentTextVersion,
      String formToken,
      String website,
      String language) {}

  /** The same answer whatever became of the request, so that nobody learns who subscribes. */
  public record AcceptedJson(String status, String message) {}

  @GET
  @Path("tenants/{tenant}/lists/{id}")
  public FormJson form(@PathParam("tenant") String tenant, @PathParam("id") long listId) {
    rateLimit.check(request.getRemoteAddr());
    TenantKey key = key(tenant);
    PublicListView list = consent.publicList(key, listId);
    return new FormJson(
        list.tenantName(),
        list.listName(),
        list.description(),
        list.consentText(),
        list.consentTextVersion(),
        consent.formToken(key, listId));
  }

  @POST
  @Path("tenants/{tenant}/lists/{id}/subscriptions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response subscribe(
      @PathParam("tenant") String tenant, @PathParam("id") long listId, SubscriptionJson input) {
    String address = request.getRemoteAddr();
    rateLimit.check(address);
    if (input == null) {
      throw new BadRequestException(ApiExceptionMapper.NO_BODY);
    }
    TenantKey key = key(tenant);
    if (input.website() != null && !input.website().isEmpty()) {
      LOG.info(() -> "Honeypot filled in a subscription for list " + listId + "; ignored");
    } else {
      consent.subscribe(
          key,
          listId,
          new SubscriptionRequest(
              input.email(),
              input.firstName(),
              input.lastName(),
              input.consentTextVersion(),
              input.formToken(),
              ConsentSource.WEBSITE_FORM,
              address,
              input.language() == null ? Locale.ENGLISH : Locale.forLanguageTag(input.language())));
    }
    return Response.accepted(
            new AcceptedJson(
                "accepted", "Please check your inbox for a mail to confirm the subscription."))
        .build();
  }

  /**
   * RFC 8058 one-click unsubscribe: a mail program POSTs {@code List-Unsubscribe=One-Click} to the
   * URL of the {@code List-Unsubscribe} header, URL-encoded or as multipart form; any other body
   * changes nothing and gets a 4xx. A second call changes nothing and answers the same.
   */
  @POST
  @Path("unsubscribe/{token}")
  public Response oneClick(
      @PathParam("token") String token,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body)
      throws IOException {
    OneClickForm.check(
            contentType, body == null ? new byte[0] : body.readNBytes(OneClickForm.MAX_BYTES + 1))
        .ifPresent(
            refusal -> {
              throw new ClientErrorException(refusal.message(), refusal.status());
            });
    ConsentToken opened = consent.readToken(token);
    consent.unsubscribe(opened, ConsentSource.ONE_CLICK, request.getRemoteAddr());
    return Response.ok(new AcceptedJson("unsubscribed", "You have left the list.")).build();
  }

  /**
   * The same URL opened in a browser, or fetched by a link scanner: changes nothing and shows the
   * unsubscribe page, where a person confirms with a button.
   */
  @GET
  @Path("unsubscribe/{token}")
  public Response unsubscribePage(@PathParam("token") String token) {
    return Response.seeOther(
            UriBuilder.fromPath(request.getContextPath() + "/unsubscribe.xhtml")
                .queryParam("token", token)
                .build())
        .build();
  }

  private static TenantKey key(String tenant) {
    if (!TenantKey.isValid(tenant)) {
      throw new TenantNotFoundException(tenant);
    }
    return TenantKey.of(tenant);
  }
}
