package de.rundbrief.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A CMS on the loopback interface: the JDK's HTTP server serving real-shaped documents from {@code
 * cms/} on the test class path, and the broken answers a careful reader must survive.
 *
 * <ul>
 *   <li>{@code /files/<name>}: the resource {@code cms/<name>}, typed by its extension; folders in
 *       between are ignored ({@code /files/css/site.css} for {@code page.html}'s stylesheet);
 *   <li>{@code /wp-json/wp/v2/posts}: {@code cms/wordpress-posts.json}, only with the basic
 *       credentials {@link #WP_USER} and {@link #WP_PASSWORD}, else 401 as WordPress answers;
 *   <li>{@code /status/<code>}: that status with a short HTML body;
 *   <li>{@code /slow}: headers after {@code ?ms=} milliseconds (default 30 s);
 *   <li>{@code /drip}: a feed that sends one byte every 100 ms, for a minute;
 *   <li>{@code /huge}: {@code ?bytes=} bytes of a feed that never closes its channel;
 *   <li>{@code /redirect?to=<address>}: 302 to the address; {@code /bad-redirect}: 302 to something
 *       that is no address.
 * </ul>
 */
public final class CmsTestServer implements AutoCloseable {

  public static final String WP_USER = "rundbrief";
  public static final String WP_PASSWORD = "abcd EFGH 1234 ijkl MNOP 5678";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  public CmsTestServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>} followed by the path. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Every request so far, as "METHOD path?query Authorization-header-or-dash". */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(
        exchange.getRequestMethod()
            + " "
            + path
            + (query == null ? "" : "?" + query)
            + " "
            + (authorization == null ? "-" : authorization));
    try (exchange) {
      if (path.startsWith("/files/")) {
        file(exchange, path.substring(path.lastIndexOf('/') + 1));
      } else if (path.equals("/wp-json/wp/v2/posts")) {
        String expected =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((WP_USER + ":" + WP_PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (expected.equals(authorization)) {
          file(exchange, "wordpress-posts.json");
        } else {
          send(
              exchange,
              401,
              "application/json",
              "{\"code\":\"rest_not_logged_in\",\"message\":\"You are not currently logged in.\","
                  + "\"data\":{\"status\":401}}");
        }
      } else if (path.startsWith("/status/")) {
        int status = Integer.parseInt(path.substring("/status/".length()));
        send(exchange, status, "text/html", "<html><body>Status " + status + "</body></html>");
      } else if (path.equals("/slow")) {
        sleep(parameter(query, "ms", 30_000));
        file(exchange, "rss2.xml");
      } else if (path.equals("/drip")) {
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 600; i++) {
          out.write('<');
          out.flush();
          sleep(100);
        }
      } else if (path.equals("/huge")) {
        long bytes = parameter(query, "bytes", 50_000_000);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("<rss version=\"2.0\"><channel><title>".getBytes(StandardCharsets.US_ASCII));
        byte[] filler = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        for (long sent = 0; sent < bytes; sent += filler.length) {
          out.write(filler);
        }
      } else if (path.equals("/bad-redirect")) {
        exchange.getResponseHeaders().set("Location", "http://[not an address/");
        exchange.sendResponseHeaders(302, -1);
      } else if (path.equals("/redirect")) {
        exchange.getResponseHeaders().set("Location", query.substring("to=".length()));
        exchange.sendResponseHeaders(302, -1);
      } else {
        send(exchange, 404, "text/html", "<html><body>Not found</body></html>");
      }
    } catch (IOException e) {
      // the client gave up, as careful clients do
    }
  }

  private static void file(HttpExchange exchange, String name) throws IOException {
    try (InputStream in = CmsTestServer.class.getClassLoader().getResourceAsStream("cms/" + name)) {
      if (in == null) {
        send(exchange, 404, "text/html", "<html><body>No such file</body></html>");
        return;
      }
      byte[] body = in.readAllBytes();
      String type =
          name.endsWith(".json")
              ? "application/json; charset=UTF-8"
              : name.endsWith(".css")
                  ? "text/css; charset=UTF-8"
                  : name.endsWith(".html")
                      ? "text/html; charset=UTF-8"
                      : name.startsWith("atom") ? "application/atom+xml" : "application/rss+xml";
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static long parameter(String query, String name, long fallback) {
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith(name + "=")) {
          return Long.parseLong(pair.substring(name.length() + 1));
        }
      }
    }
    return fallback;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
