package de.rundbrief.infrastructure.tracking;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.TrackingToken;
import de.rundbrief.domain.tracking.TrackingTokens;
import de.rundbrief.infrastructure.mail.Letter;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Tracking of one mailing's letters: each link becomes {@code <base>/t/c/<token>} and the open
 * pixel {@code <base>/t/o/<token>}, the token naming tenant, mailing, recipient (none where the
 * tenant tracks anonymously) and, for a link, its place and address.
 */
public final class TokenTracking implements Letter.Tracking {

  /** The path of clicks; the servlet answering it lives in the web module. */
  public static final String CLICK_PATH = "/t/c/";

  /** The path of the open pixel. */
  public static final String OPEN_PATH = "/t/o/";

  private final TrackingTokens tokens;
  private final String baseUrl;
  private final TenantKey tenant;
  private final long mailingId;
  private final boolean anonymous;

  /**
   * @param baseUrl the public base URL without a trailing slash, as {@code ConsentLinks.baseUrl()}
   *     gives it
   */
  public TokenTracking(
      TrackingTokens tokens, String baseUrl, TenantKey tenant, long mailingId, boolean anonymous) {
    this.tokens = tokens;
    this.baseUrl = baseUrl;
    this.tenant = tenant;
    this.mailingId = mailingId;
    this.anonymous = anonymous;
  }

  @Override
  public String click(long subscriberId, int index, String url) {
    if (url.length() > TrackingToken.MAX_TARGET_LENGTH) {
      return null;
    }
    URI target;
    try {
      target = new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
    return baseUrl
        + CLICK_PATH
        + tokens.seal(
            TrackingToken.click(tenant, mailingId, recipient(subscriberId), index, target));
  }

  @Override
  public String open(long subscriberId) {
    return baseUrl
        + OPEN_PATH
        + tokens.seal(TrackingToken.open(tenant, mailingId, recipient(subscriberId)));
  }

  private long recipient(long subscriberId) {
    return anonymous ? 0 : subscriberId;
  }
}
