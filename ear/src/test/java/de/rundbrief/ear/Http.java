package de.rundbrief.ear;

import static org.assertj.core.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plain HTTP to the deployed EAR: the REST API with HTTP Basic, and the screens' sign-in form in a
 * session of its own (cookies kept, redirects not followed, so each answer can be checked).
 */
final class Http {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  Http(URI base) {
    this.base = base;
  }

  /** One answer: status, body and where it redirects to, if it does. */
  record Answer(int status, String body, String location) {

    JsonObject object() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    JsonArray array() {
      return Json.createReader(new StringReader(body)).readArray();
    }
  }

  /** {@code GET /api/v1/<path>} as this user. */
  Answer apiGet(String user, String password, String path) {
    return send(api(user, password, path).GET().build());
  }

  /** {@code POST /api/v1/<path>} with a JSON body as this user. */
  Answer apiPost(String user, String password, String path, String json) {
    return send(
        api(user, password, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A page of the screens, in this session. */
  Answer page(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  /**
   * Fills in and sends the sign-in form as a browser does: the form's view state from the page, the
   * user name and password, the sign-in button.
   */
  Answer signIn(String user, String password) {
    Answer form = page("login.xhtml");
    Matcher viewState = VIEW_STATE.matcher(form.body());
    if (form.status() != 200 || !viewState.find()) {
      fail("No sign-in form (" + form.status() + "):\n" + form.body());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("login", "login");
    fields.put("login:username", user);
    fields.put("login:password", password);
    fields.put("login:signIn", "");
    fields.put("jakarta.faces.ViewState", viewState.group(1));
    String encoded =
        fields.entrySet().stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(base.resolve("login.xhtml"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encoded))
            .build());
  }

  private HttpRequest.Builder api(String user, String password, String path) {
    String credentials = user + ":" + password;
    return HttpRequest.newBuilder(base.resolve("api/v1/" + path))
        .header("Accept", "application/json")
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
