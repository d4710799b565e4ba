package de.rundbrief.web.tracking;

import de.rundbrief.application.TrackingService;
import de.rundbrief.infrastructure.tracking.TokenTracking;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Answers tracked links and the open pixel without a session, Faces or JAX-RS in between: {@code
 * /t/c/<token>} redirects where the sealed token says, {@code /t/o/<token>} answers a transparent
 * 1x1 GIF. A forged or damaged click token gets a page saying so and never a redirect, so the path
 * cannot send anyone anywhere else.
 */
@WebServlet(urlPatterns = "/t/*", loadOnStartup = 1)
public class TrackingServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The paths below {@code /t} that the links in mails use. */
  private static final String OPEN = TokenTracking.OPEN_PATH.substring("/t".length());

  private static final String CLICK = TokenTracking.CLICK_PATH.substring("/t".length());

  private static final byte[] PIXEL =
      Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

  private static final byte[] INVALID =
      ("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Rundbrief</title></head>"
              + "<body><p>Dieser Link ist nicht gültig. This link is not valid.</p></body></html>")
          .getBytes(StandardCharsets.UTF_8);

  @Inject private transient TrackingService tracking;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(request, response);
  }

  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(request, response);
  }

  private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    TrackingService.Visit visit =
        new TrackingService.Visit(
            request.getMethod(),
            request.getRemoteAddr(),
            request.getHeader("User-Agent"),
            Instant.now());
    response.setHeader("Cache-Control", "no-store, private");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Robots-Tag", "noindex, nofollow");
    if (path.startsWith(OPEN)) {
      tracking.opened(path.substring(OPEN.length()), visit);
      response.setContentType("image/gif");
      response.setContentLength(PIXEL.length);
      if (!"HEAD".equals(request.getMethod())) {
        response.getOutputStream().write(PIXEL);
      }
    } else if (path.startsWith(CLICK)) {
      Optional<URI> target = tracking.clicked(path.substring(CLICK.length()), visit);
      if (target.isPresent()) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target.get().toASCIIString());
      } else {
        invalid(response, request);
      }
    } else {
      invalid(response, request);
    }
  }

  private static void invalid(HttpServletResponse response, HttpServletRequest request)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    response.setContentType("text/html;charset=UTF-8");
    response.setContentLength(INVALID.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(INVALID);
    }
  }
}
