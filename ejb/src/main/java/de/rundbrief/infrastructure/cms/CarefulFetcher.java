package de.rundbrief.infrastructure.cms;

import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsFetchException.Reason;
import de.rundbrief.infrastructure.cms.AddressPolicy.AddressNotAllowedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;

/**
 * Reads one document from a CMS the way a server must read addresses that people type in:
 *
 * <ul>
 *   <li>only http and https, no user name in the address;
 *   <li>every address a host resolves to is checked against the {@link AddressPolicy} when the
 *       connection is made (through the HTTP client's DNS resolver, so a name cannot resolve to a
 *       public address for the check and to an internal one for the connection);
 *   <li>redirects followed by hand, at most {@link Limits#maxRedirects()}, each target checked
 *       again, and credentials never sent on to another host;
 *   <li>time-outs for connecting, for each read and for the whole answer (a server that sends one
 *       byte a second does not hold a request thread);
 *   <li>a size limit on the answer, after decompression.
 * </ul>
 *
 * Every failure is a {@link CmsFetchException} whose reason the screen can explain.
 */
public final class CarefulFetcher implements AutoCloseable {

  /** How long and how much, at most. */
  public record Limits(
      Duration connectTimeout,
      Duration readTimeout,
      Duration totalTimeout,
      long maxBytes,
      int maxRedirects) {

    /** 5 s to connect, 10 s per read, 20 s in all, 5 MB, 5 redirects. */
    public static final Limits DEFAULT =
        new Limits(
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), 5_000_000, 5);
  }

  /** A document as read: its final address (after redirects), type, charset if given, bytes. */
  public record Document(URI uri, String mimeType, Charset charset, byte[] body) {

    /** The body as text in its declared charset, or UTF-8. */
    public String text() {
      return new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
    }
  }

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final String USER_AGENT = "Rundbrief CMS reader";

  private final Limits limits;
  private final long deadline;
  private final CloseableHttpClient client;

  /**
   * A fetcher for one read of a source: a feed, or a page with its stylesheets. Its total time-out
   * covers everything it fetches, and its connections are reused until it is closed.
   */
  public CarefulFetcher(AddressPolicy policy, Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.deadline = System.nanoTime() + limits.totalTimeout().toNanos();
    this.client = client(Objects.requireNonNull(policy, "policy"), limits);
  }

  /**
   * GETs the document.
   *
   * @param accept the Accept header
   * @param authorization an Authorization header value, sent only to the address's own scheme, host
   *     and port (not on after a redirect elsewhere, nor from https down to http), or {@code null}
   */
  public Document get(URI address, String accept, String authorization) {
    URI current = checkedAddress(address);
    URI origin = origin(current);
    try {
      for (int hops = 0; ; hops++) {
        if (System.nanoTime() > deadline) {
          throw timeTooLong(current);
        }
        HttpGet request = new HttpGet(current);
        request.setHeader(HttpHeaders.ACCEPT, accept);
        if (authorization != null && origin(current).equals(origin)) {
          request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        try {
          int status = response.getCode();
          if (REDIRECTS.contains(status)) {
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            if (location == null || hops >= limits.maxRedirects()) {
              throw new CmsFetchException(
                  Reason.HTTP_ERROR,
                  "Too many redirects, or a redirect without target, from " + current);
            }
            current = checkedAddress(redirectTarget(current, location.getValue()));
            request.cancel();
            continue;
          }
          if (status == 401 || status == 403) {
            throw new CmsFetchException(
                Reason.UNAUTHORISED,
                "HTTP " + status + " from " + current.getHost() + ": the credentials were refused");
          }
          if (status < 200 || status > 299) {
            throw new CmsFetchException(
                Reason.HTTP_ERROR, "HTTP " + status + " from " + current.getHost());
          }
          return read(current, response.getEntity());
        } catch (RuntimeException | IOException e) {
          request.cancel();
          throw e;
        } finally {
          closeQuietly(response);
        }
      }
    } catch (AddressNotAllowedException e) {
      throw new CmsFetchException(Reason.ADDRESS_NOT_ALLOWED, e.getMessage(), e);
    } catch (UnknownHostException e) {
      throw new CmsFetchException(Reason.UNKNOWN_HOST, "Unknown host " + e.getMessage(), e);
    } catch (InterruptedIOException e) {
      // connect and read time-outs of the socket and the client
      throw new CmsFetchException(Reason.TIMEOUT, "No answer in time from " + current.getHost(), e);
    } catch (IOException e) {
      throw new CmsFetchException(
          Reason.UNREACHABLE, "Cannot read from " + current.getHost() + ": " + e.getMessage(), e);
    }
  }

  private Document read(URI uri, HttpEntity entity) throws IOException {
    if (entity == null) {
      return new Document(uri, null, null, new byte[0]);
    }
    if (entity.getContentLength() > limits.maxBytes()) {
      throw tooLarge(uri);
    }
    // Not closed on failure: closing reads the rest to keep the connection; the caller cancels.
    InputStream in = entity.getContent();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[16384];
    for (int n; (n = in.read(buffer)) != -1; ) {
      body.write(buffer, 0, n);
      if (body.size() > limits.maxBytes()) {
        throw tooLarge(uri);
      }
      if (System.nanoTime() > deadline) {
        throw timeTooLong(uri);
      }
    }
    in.close();
    ContentType type = null;
    try {
      type = ContentType.parseLenient(entity.getContentType());
    } catch (RuntimeException e) {
      // an unreadable Content-Type is treated as none
    }
    Charset charset = null;
    try {
      charset = type == null ? null : type.getCharset();
    } catch (RuntimeException e) {
      // an unknown charset name is treated as none
    }
    String mime = type == null ? null : type.getMimeType().toLowerCase(Locale.ROOT);
    return new Document(uri, mime, charset, body.toByteArray());
  }

  /** After a cancel, closing fails on the closed socket; the first failure is the one to report. */
  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // the connection is discarded either way
    }
  }

  private CmsFetchException timeTooLong(URI uri) {
    return new CmsFetchException(
        Reason.TIMEOUT,
        "Reading from "
            + uri.getHost()
            + " took longer than "
            + limits.totalTimeout().toSeconds()
            + " s");
  }

  /** Scheme, host and port: where credentials may go. */
  private static URI origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
  }

  private static URI redirectTarget(URI from, String location) {
    try {
      return from.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new CmsFetchException(
          Reason.HTTP_ERROR,
          "A redirect from " + from + " to an address that is none: " + location);
    }
  }

  /** Closes the connections this fetcher kept open. */
  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // nothing is waiting on them
    }
  }

  private CmsFetchException tooLarge(URI uri) {
    return new CmsFetchException(
        Reason.TOO_LARGE,
        "The answer from " + uri.getHost() + " is larger than " + limits.maxBytes() + " bytes");
  }

  /** Only absolute http and https without user info; an IP literal is checked here already. */
  private URI checkedAddress(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null) {
      throw new CmsFetchException(
          Reason.UNSUPPORTED_URL, "Only http and https addresses can be read, not " + uri);
    }
    return uri;
  }

  private static CloseableHttpClient client(AddressPolicy policy, Limits limits) {
    Timeout connect = Timeout.of(limits.connectTimeout());
    Timeout read = Timeout.of(limits.readTimeout());
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckingResolver(policy))
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent(USER_AGENT)
        .build();
  }

  /** Resolves as the system does, then refuses internal addresses that are not allowed. */
  private record CheckingResolver(AddressPolicy policy) implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return policy.check(host, SystemDefaultDnsResolver.INSTANCE.resolve(host));
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
      return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
  }
}
