package de.rundbrief.web.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of an RFC 8058 one-click unsubscribe, {@code List-Unsubscribe=One-Click}, which a mail
 * receiver may send as {@code application/x-www-form-urlencoded} or as {@code multipart/form-data}
 * (RFC 8058, section 3.2). Read here rather than with {@code @FormParam}: the runtime refuses
 * multipart there with 415 and fails on a request without a form with 500, while every request that
 * is not the one-click body should get a 4xx that says what is expected.
 */
final class OneClickForm {

  /** Far more than any mail receiver sends for one short field, even as multipart. */
  static final int MAX_BYTES = 8_192;

  static final String FIELD = "List-Unsubscribe";
  static final String VALUE = "One-Click";
  static final String URL_ENCODED = "application/x-www-form-urlencoded";
  static final String MULTIPART = "multipart/form-data";

  /** RFC 2046: 1 to 70 characters, no space at the end. */
  private static final Pattern BOUNDARY =
      Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

  private static final Pattern PARAMETER =
      Pattern.compile(";\\s*([^\\s;=]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s;]*)");
  private static final Pattern DISPOSITION_NAME =
      Pattern.compile("(?i);\\s*name\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;]+))");

  /** Why a request is not a one-click unsubscribe, with the HTTP status that says so. */
  record Refusal(int status, String message) {}

  private OneClickForm() {}

  /**
   * Checks that a request's body is the one-click command.
   *
   * @param contentType the request's {@code Content-Type} header, or {@code null}
   * @param body the body's first bytes, up to {@link #MAX_BYTES} + 1
   * @return empty for the command; else 400 for an empty body, a malformed form or one without the
   *     command, 413 for a body longer than {@link #MAX_BYTES}, 415 for any other content type or
   *     none
   */
  static Optional<Refusal> check(String contentType, byte[] body) {
    if (body.length == 0) {
      return refused(400, "The request needs the body " + FIELD + "=" + VALUE);
    }
    if (body.length > MAX_BYTES) {
      return refused(413, "The body is too large for " + FIELD + "=" + VALUE);
    }
    String type =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    try {
      boolean command;
      if (type.equals(URL_ENCODED)) {
        command = urlEncodedCommand(new String(body, StandardCharsets.US_ASCII));
      } else if (type.equals(MULTIPART)) {
        command = multipartCommand(contentType, new String(body, StandardCharsets.ISO_8859_1));
      } else {
        return refused(
            415, "Send " + FIELD + "=" + VALUE + " as " + URL_ENCODED + " or " + MULTIPART);
      }
      return command ? Optional.empty() : refused(400, "Expected " + FIELD + "=" + VALUE);
    } catch (MalformedForm e) {
      return refused(400, e.getMessage());
    }
  }

  private static Optional<Refusal> refused(int status, String message) {
    return Optional.of(new Refusal(status, message));
  }

  private static boolean urlEncodedCommand(String form) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        continue;
      }
      try {
        String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
        String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        if (FIELD.equals(name) && VALUE.equals(value.strip())) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        throw new MalformedForm("The form is not URL-encoded properly");
      }
    }
    return false;
  }

  /** RFC 7578: parts between {@code --boundary} lines, each with headers, a blank line, content. */
  private static boolean multipartCommand(String contentType, String body) {
    String boundary = boundary(contentType);
    if (boundary == null || !BOUNDARY.matcher(boundary).matches()) {
      throw new MalformedForm("A multipart form needs a boundary");
    }
    String[] chunks = ("\r\n" + body).split(Pattern.quote("\r\n--" + boundary), -1);
    // chunks[0] is the preamble; a part starts after its delimiter line, the last with "--"
    for (int i = 1; i < chunks.length; i++) {
      String chunk = chunks[i];
      if (chunk.startsWith("--")) {
        return false;
      }
      int lineEnd = chunk.indexOf("\r\n");
      if (lineEnd < 0 || !chunk.substring(0, lineEnd).isBlank()) {
        throw new MalformedForm("The multipart form is malformed");
      }
      String part = chunk.substring(lineEnd + 2);
      int headersEnd = part.startsWith("\r\n") ? 0 : part.indexOf("\r\n\r\n");
      if (headersEnd < 0) {
        throw new MalformedForm("The multipart form is malformed");
      }
      String headers = part.substring(0, headersEnd);
      String content = part.substring(headersEnd + (headersEnd == 0 ? 2 : 4));
      if (FIELD.equals(fieldName(headers))
          && VALUE.equals(
              new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                  .strip())) {
        return true;
      }
    }
    return false;
  }

  /** The {@code boundary} parameter of a content type, unquoted, or {@code null}. */
  private static String boundary(String contentType) {
    Matcher parameter = PARAMETER.matcher(contentType);
    while (parameter.find()) {
      if (parameter.group(1).equalsIgnoreCase("boundary")) {
        String value = parameter.group(2);
        return value.startsWith("\"")
            ? value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1")
            : value;
      }
    }
    return null;
  }

  /** The {@code name} of a part's {@code Content-Disposition: form-data}, or {@code null}. */
  private static String fieldName(String headers) {
    for (String header : headers.split("\r\n")) {
      int colon = header.indexOf(':');
      if (colon < 0
          || !header.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
        continue;
      }
      String value = header.substring(colon + 1).strip();
      if (!value.toLowerCase(Locale.ROOT).startsWith("form-data")) {
        return null;
      }
      Matcher name = DISPOSITION_NAME.matcher(value);
      return name.find() ? (name.group(1) != null ? name.group(1) : name.group(2)) : null;
    }
    return null;
  }

  private static final class MalformedForm extends RuntimeException {
    MalformedForm(String message) {
      super(message);
    }
  }
}
