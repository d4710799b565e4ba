package de.rundbrief.web.api;

import de.rundbrief.domain.importing.ImportFinishedException;
import de.rundbrief.domain.importing.UploadTooLargeException;
import de.rundbrief.web.api.Json.ErrorJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The answers to the failures that only imports have. */
public final class ImportFailureMappers {

  private ImportFailureMappers() {}

  /** 413 with the limit: nothing of the upload was kept. */
  @Provider
  public static class TooLarge implements ExceptionMapper<UploadTooLargeException> {
    @Override
    public Response toResponse(UploadTooLargeException tooLarge) {
      return json(413, tooLarge.getMessage());
    }
  }

  /** 409: an import that has ended cannot be cancelled. */
  @Provider
  public static class Finished implements ExceptionMapper<ImportFinishedException> {
    @Override
    public Response toResponse(ImportFinishedException finished) {
      return json(409, finished.getMessage());
    }
  }

  private static Response json(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(ErrorJson.of(status, message))
        .build();
  }
}
