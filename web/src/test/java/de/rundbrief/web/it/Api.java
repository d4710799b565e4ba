package de.rundbrief.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** A staff member calling the REST API with HTTP Basic. */
public final class Api {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI base;
  private final String authorization;

  private Api(URL deployment, String user, String password) {
    this.base = Loopback.of(deployment);
    this.authorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The public, without credentials. */
  public static Api anonymous(URL base) {
    return new Api(base, null, null);
  }

  /** An integration with a tenant's API key. */
  public static Api withKey(URL base, String key) {
    Api api = new Api(base, null, null);
    return new Api(api.base, "Bearer " + key);
  }

  private Api(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  public static Api as(URL base, String user) {
    return new Api(base, user, RundbriefServer.PASSWORD);
  }

  public static Api as(URL base, String user, String password) {
    return new Api(base, user, password);
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, String json) {
    return send("POST", path, json);
  }

  public Response put(String path, String json) {
    return send("PUT", path, json);
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  /** A form post, as a mail program sends RFC 8058 one-click unsubscribe. */
  public Response postForm(String path, String form) {
    return send("POST", path, form, "application/x-www-form-urlencoded", "application/json");
  }

  /** A download that answers CSV. */
  public Response getCsv(String path) {
    return send("GET", path, null, null, "text/csv");
  }

  /** A page that answers HTML. */
  public Response getHtml(String path) {
    return send("GET", path, null, null, "text/html");
  }

  public Response send(String method, String path, String json) {
    return send(method, path, json, "application/json", "application/json");
  }

  private Response send(
      String method, String path, String body, String contentType, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("api/v1/" + path)).header("Accept", accept);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Location").orElse(null),
          response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status and body of one answer. */
  public record Response(
      int status, String body, String location, java.util.Map<String, List<String>> headers) {

    /** The first value of a response header, or {@code null}. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public JsonStructure json() {
      return Json.createReader(new StringReader(body)).read();
    }

    public JsonObject object() {
      return json().asJsonObject();
    }
  }
}
