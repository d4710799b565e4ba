package de.rundbrief.application;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The public side of tracking: a recipient's mail program loads the open pixel, a recipient clicks
 * a tracked link. Anyone may call it; only a genuine token counts or redirects.
 */
public interface TrackingService {

  /** What is known of the request. */
  record Visit(String method, String ip, String userAgent, Instant at) {}

  /** Records an open if the token is genuine and the tenant still tracks. */
  void opened(String token, Visit visit);

  /**
   * Records a click if the token is genuine and the tenant still tracks.
   *
   * @return where the link leads; empty for a forged or damaged token, which leads nowhere
   */
  Optional<URI> clicked(String token, Visit visit);
}
