package de.rundbrief.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CSV import and export through the REST API on Payara Micro against PostgreSQL: the upload runs in
 * the background until done, bad rows come back as CSV, the size limit holds, and neither a viewer
 * nor another tenant's editor gets at a list's imports or its export.
 */
@ExtendWith(RundbriefServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Deployment(testable = false)
  static WebArchive rundbrief() {
    return RundbriefServer.war();
  }

  @ArquillianResource private URL base;

  @Test
  void anEditorImportsACsvFileInTheBackgroundAndGetsItsBadRowsAsCsv() {
    long list = newList("nord-editor", "nord");
    String p = prefix();
    String file =
        "E-Mail;Vorname;Nachname\r\n"
            + p
            + "anna@nord.example;Anna;Auer\r\n"
            + "kaputt;Kai;\r\n"
            + p
            + "ben@nord.example;Ben;Berg\r\n"
            + p
            + "ANNA@nord.example;Anna;Again\r\n";
    Answer created =
        upload(
            "nord-editor",
            "nord",
            list,
            "email=E-Mail&firstName=Vorname&lastName=Nachname&existing=skip&separator=;"
                + "&legalBasis="
                + URLEncoder.encode("Vertrag mit Kunden", UTF_8),
            file);
    assertThat(created.status()).isEqualTo(202);
    JsonObject job = created.object();
    long importId = job.getJsonNumber("id").longValue();
    assertThat(created.location())
        .endsWith("/api/v1/tenants/nord/lists/" + list + "/imports/" + importId);
    assertThat(job.getJsonObject("options").getString("email")).isEqualTo("E-Mail");
    assertThat(job.getJsonObject("options").getString("separator")).isEqualTo(";");

    JsonObject done = awaitEnd("nord-editor", "nord", list, importId);
    assertThat(done.getString("state")).isEqualTo("DONE");
    assertThat(done.getInt("progress")).isEqualTo(100);
    assertThat(done.getInt("rowsRead")).isEqualTo(4);
    assertThat(done.getInt("imported")).isEqualTo(2);
    assertThat(done.getInt("problems")).isEqualTo(2);
    assertThat(done.getString("createdBy")).isEqualTo("nord-editor");

    JsonObject members =
        Api.as(base, "nord-editor").get("tenants/nord/lists/" + list + "/members").object();
    assertThat(members.getInt("total")).isEqualTo(2);
    assertThat(
            members.getJsonArray("items").stream()
                .map(
                    m ->
                        m.asJsonObject().getJsonObject("subscriber").getString("email")
                            + " "
                            + m.asJsonObject().getString("status"))
                .toList())
        .containsExactly(p + "anna@nord.example SUBSCRIBED", p + "ben@nord.example SUBSCRIBED");

    Answer problems =
        send("nord-editor", "GET", path("nord", list) + "/" + importId + "/problems", null);
    assertThat(problems.status()).isEqualTo(200);
    assertThat(problems.contentType()).startsWith("text/csv");
    assertThat(problems.body().split("\r\n"))
        .containsExactly(
            "line;reason;detail",
            "3;INVALID_EMAIL;\"\"\"kaputt\"\" is not an e-mail address\"",
            "5;DUPLICATE;the address " + p + "anna@nord.example is already on line 2");

    assertThat(send("nord-editor", "DELETE", path("nord", list) + "/" + importId, null).status())
        .isEqualTo(409);
    assertThat(
            Api.as(base, "nord-viewer")
                .get("tenants/nord/lists/" + list + "/imports/" + importId)
                .object()
                .getString("state"))
        .isEqualTo("DONE");
  }

  @Test
  void mappedColumnsFillTheTenantsFieldsAndAnotherTenantsFieldIsRefused() {
    String suffix = prefix().replaceAll("[^a-z0-9]", "");
    String branche = "branche_" + suffix;
    String foreign = "region_" + suffix;
    assertThat(
            Api.as(base, "nord-admin")
                .post(
                    "tenants/nord/attributes",
                    "{\"key\":\"" + branche + "\",\"label\":\"Branche\",\"type\":\"TEXT\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            Api.as(base, "sued-admin")
                .post(
                    "tenants/sued/attributes",
                    "{\"key\":\"" + foreign + "\",\"label\":\"Region\",\"type\":\"TEXT\"}")
                .status())
        .isEqualTo(201);
    long list = newList("nord-editor", "nord");
    String p = prefix();
    String file = "email;Branche\r\n" + p + "feld@nord.example;Handel\r\n";

    Answer refused =
        upload("nord-editor", "nord", list, "email=email&field." + foreign + "=Branche", file);
    assertThat(refused.status())
        .as("a field of another tenant is none of this one's")
        .isEqualTo(400);
    assertThat(new String(refused.bytes(), UTF_8)).contains(foreign);

    Answer created =
        upload("nord-editor", "nord", list, "email=email&field." + branche + "=Branche", file);
    assertThat(created.status()).isEqualTo(202);
    long importId = created.object().getJsonNumber("id").longValue();
    assertThat(created.object().getJsonObject("options").getJsonObject("fields").getString(branche))
        .isEqualTo("Branche");
    assertThat(awaitEnd("nord-editor", "nord", list, importId).getInt("imported")).isEqualTo(1);
    JsonObject member =
        Api.as(base, "nord-editor")
            .get("tenants/nord/lists/" + list + "/members")
            .object()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonObject("subscriber");
    long subscriber = member.getJsonNumber("id").longValue();
    assertThat(
            Api.as(base, "nord-editor")
                .get("tenants/nord/subscribers/" + subscriber)
                .object()
                .getJsonObject("attributes")
                .getString(branche))
        .isEqualTo("Handel");
  }

  @Test
  void anUploadOverTheLimitIsRefusedWith413AndLeavesNothing() throws SQLException {
    long list = newList("nord-editor", "nord");
    long size = 101L * 1024 * 1024;
    HttpRequest request =
        HttpRequest.newBuilder(uri(path("nord", list) + "?email=email"))
            .header("Authorization", basic("nord-editor"))
            .header("Content-Type", "text/csv")
            .timeout(Duration.ofMinutes(2))
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedCsv(size)), size))
            .build();
    Answer declared = send(request);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.object().getString("message")).contains("104857600 bytes (100 MiB)");

    HttpRequest chunked =
        HttpRequest.newBuilder(uri(path("nord", list) + "?email=email"))
            .header("Authorization", basic("nord-editor"))
            .header("Content-Type", "text/csv")
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedCsv(size)))
            .build();
    assertThat(send(chunked).status()).isEqualTo(413);

    try (Connection c = PostgresDatabase.get().superuser().getConnection()) {
      assertThat(Sql.strings(c, "SELECT count(*) FROM import_job WHERE mailing_list_id = ?", list))
          .containsExactly("0");
      assertThat(
              Sql.strings(
                  c,
                  "SELECT count(*) FROM import_upload u WHERE NOT EXISTS"
                      + " (SELECT 1 FROM import_job j WHERE j.id = u.job_id)"))
          .containsExactly("0");
    }
  }

  @Test
  void aViewerCannotImportAndAnotherTenantsEditorFindsNothing() {
    long list = newList("nord-editor", "nord");
    String file = "email\n" + prefix() + "walled@nord.example\n";
    long importId =
        upload("nord-editor", "nord", list, "email=email", file)
            .object()
            .getJsonNumber("id")
            .longValue();
    awaitEnd("nord-editor", "nord", list, importId);

    assertThat(upload("nord-viewer", "nord", list, "email=email", file).status()).isEqualTo(403);

    String job = path("nord", list) + "/" + importId;
    List<Answer> foreign =
        List.of(
            upload("sued-editor", "nord", list, "email=email", file),
            upload("sued-editor", "sued", list, "email=email", file),
            send("sued-editor", "GET", path("nord", list), null),
            send("sued-editor", "GET", job, null),
            send("sued-editor", "GET", job + "/problems", null),
            send("sued-editor", "DELETE", job, null),
            send("sued-editor", "GET", path("sued", list) + "/" + importId, null),
            send("sued-editor", "GET", "tenants/nord/lists/" + list + "/export", null),
            send("sued-editor", "GET", "tenants/sued/lists/" + list + "/export", null));
    assertThat(foreign).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(404));

    long suedList = newList("sued-editor", "sued");
    assertThat(
            send("nord-editor", "GET", "tenants/nord/lists/" + suedList + "/export", null).status())
        .isEqualTo(404);
    assertThat(send("nord-editor", "GET", path("nord", suedList) + "/" + importId, null).status())
        .isEqualTo(404);
  }

  @Test
  void theExportIsCsvForExcelWithFormulaCellsNeutralised() {
    long list = newList("nord-editor", "nord");
    String p = prefix();
    String file =
        "email,first,last\n"
            + p
            + "formula@nord.example,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Klick\"\")\",Bad\n"
            + p
            + "umlaut@nord.example,J\u00fcrgen,M\u00fcller\n";
    long importId =
        upload(
                "nord-editor",
                "nord",
                list,
                "email=email&firstName=first&lastName=last&legalBasis=Vertrag",
                file)
            .object()
            .getJsonNumber("id")
            .longValue();
    assertThat(awaitEnd("nord-editor", "nord", list, importId).getInt("imported")).isEqualTo(2);

    Answer export =
        send(
            "nord-viewer",
            "GET",
            "tenants/nord/lists/" + list + "/export?status=SUBSCRIBED&separator=;&bom=true",
            null);
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.contentType()).startsWith("text/csv");
    assertThat(export.bytes()).startsWith(0xEF, 0xBB, 0xBF);
    String[] lines = export.body().substring(1).split("\r\n");
    assertThat(lines[0]).isEqualTo("email;firstName;lastName;status;createdAt;subscribedAt");
    assertThat(lines).hasSize(3);
    assertThat(lines[1])
        .startsWith(
            p
                + "formula@nord.example;\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Klick\"\")\""
                + ";Bad;SUBSCRIBED;");
    assertThat(lines[2]).startsWith(p + "umlaut@nord.example;J\u00fcrgen;M\u00fcller;SUBSCRIBED;");

    Answer pending =
        send("nord-editor", "GET", "tenants/nord/lists/" + list + "/export?status=PENDING", null);
    assertThat(pending.body().split("\r\n"))
        .containsExactly("email,firstName,lastName,status,createdAt,subscribedAt");
  }

  private long newList(String user, String tenant) {
    String name = "Import " + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created =
        Api.as(base, user)
            .post(
                "tenants/" + tenant + "/lists",
                "{\"name\":\""
                    + name
                    + "\",\"visibility\":\"PUBLIC\",\"optInMode\":\"DOUBLE\","
                    + "\"consentText\":\"I agree.\"}");
    assertThat(created.status()).isEqualTo(201);
    return created.object().getJsonNumber("id").longValue();
  }

  private JsonObject awaitEnd(String user, String tenant, long list, long importId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonObject job =
          Api.as(base, user)
              .get("tenants/" + tenant + "/lists/" + list + "/imports/" + importId)
              .object();
      String state = job.getString("state");
      if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
        return job;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Import " + importId + " still " + state);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private Answer upload(String user, String tenant, long list, String query, String csv) {
    return send(
        HttpRequest.newBuilder(uri(path(tenant, list) + "?" + query))
            .header("Authorization", basic(user))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv, UTF_8))
            .build());
  }

  private Answer send(String user, String method, String path, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return Loopback.of(base).resolve("api/v1/" + path.replace(";", "%3B"));
  }

  private static String path(String tenant, long list) {
    return "tenants/" + tenant + "/lists/" + list + "/imports";
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + RundbriefServer.PASSWORD).getBytes(UTF_8));
  }

  private static String prefix() {
    return "i" + UUID.randomUUID().toString().substring(0, 8) + ".";
  }

  /** An answer with its raw body. */
  private record Answer(int status, byte[] bytes, String contentType, String location) {
    String body() {
      return new String(bytes, UTF_8);
    }

    JsonObject object() {
      return Json.createReader(new StringReader(body())).readObject();
    }
  }

  /** A CSV file of the given size, made up as it is read. */
  private static final class GeneratedCsv extends InputStream {
    private static final byte[] HEADER = "email\n".getBytes(UTF_8);
    private final long size;
    private long position;

    GeneratedCsv(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (position >= size) {
        return -1;
      }
      long at = position++;
      if (at < HEADER.length) {
        return HEADER[(int) at];
      }
      return (at % 32) == 31 ? '\n' : 'a' + (int) (at % 26);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) read();
      }
      return n;
    }
  }
}
