package de.rundbrief.infrastructure.consent;

import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.consent.ConsentTokens;
import de.rundbrief.domain.consent.TokenPurpose;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The personal links that go into mails. They start with the public base URL, the setting {@link
 * SettingKey#PUBLIC_BASE_URL} that central administrators may set and that defaults to what IT
 * configures ({@value #BASE_URL_PROPERTY}); never with what a request's Host header claims, so that
 * nobody can have Rundbrief mail links to a site of their own.
 */
@ApplicationScoped
public class ConsentLinks {

  public static final String BASE_URL_PROPERTY = "rundbrief.public-base-url";

  /** The confirmation page; the token follows as query parameter {@code token}. */
  public static final String CONFIRM_PAGE = "/confirm.xhtml";

  /** The unsubscribe page; the token follows as query parameter {@code token}. */
  public static final String UNSUBSCRIBE_PAGE = "/unsubscribe.xhtml";

  /** RFC 8058 one-click unsubscribe; the token follows as last path segment. */
  public static final String ONE_CLICK_PATH = "/api/v1/public/unsubscribe/";

  private Settings settings;
  private ConsentTokens tokens;
  private Clock clock;

  protected ConsentLinks() {}

  @Inject
  public ConsentLinks(Settings settings, ConsentTokens tokens, Clock clock) {
    this.settings = settings;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** The public base URL without a trailing slash. */
  public String baseUrl() {
    return settings.global().text(SettingKey.PUBLIC_BASE_URL).replaceAll("/+$", "");
  }

  public String confirmUrl(TenantKey tenant, long subscriberId, long listId) {
    return baseUrl()
        + CONFIRM_PAGE
        + "?token="
        + seal(TokenPurpose.CONFIRM, tenant, subscriberId, listId);
  }

  /**
   * A newsletter's personal unsubscribe links.
   *
   * @param page the link for the body: the unsubscribe page
   * @param oneClick the https URL for the {@code List-Unsubscribe} header (RFC 8058)
   */
  public record UnsubscribeLinks(String page, String oneClick) {}

  /**
   * Both unsubscribe links of one recipient of a mailing, with one sealed token between them; an
   * unsubscribe through them counts for the mailing.
   */
  public UnsubscribeLinks unsubscribe(
      TenantKey tenant, long subscriberId, long listId, long mailingId) {
    String base = baseUrl();
    String token =
        tokens.seal(
            ConsentToken.issue(
                    TokenPurpose.UNSUBSCRIBE, tenant, subscriberId, listId, clock.instant())
                .fromMailing(mailingId));
    return new UnsubscribeLinks(
        base + UNSUBSCRIBE_PAGE + "?token=" + token, base + ONE_CLICK_PATH + token);
  }

  /** The unsubscribe page without a token, for test sends, where nobody is to be unsubscribed. */
  public String unsubscribePage() {
    return baseUrl() + UNSUBSCRIBE_PAGE;
  }

  private String seal(TokenPurpose purpose, TenantKey tenant, long subscriberId, long listId) {
    return tokens.seal(ConsentToken.issue(purpose, tenant, subscriberId, listId, clock.instant()));
  }
}
