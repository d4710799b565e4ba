package de.rundbrief.web.api;

import de.rundbrief.domain.setting.InvalidSettingValueException;
import de.rundbrief.domain.setting.SettingNotOverridableException;
import de.rundbrief.web.api.Json.ErrorJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** The answers to the failures that only settings have. */
public final class SettingFailureMappers {

  private SettingFailureMappers() {}

  /** 400 naming the field {@code value} and why it does not fit. */
  @Provider
  public static class InvalidValue implements ExceptionMapper<InvalidSettingValueException> {
    @Override
    public Response toResponse(InvalidSettingValueException invalid) {
      return json(400, new ErrorJson(400, "Invalid input", Map.of("value", invalid.getMessage())));
    }
  }

  /** 403: the setting is not open to tenants (global only, or not allowed at the moment). */
  @Provider
  public static class NotOverridable implements ExceptionMapper<SettingNotOverridableException> {
    @Override
    public Response toResponse(SettingNotOverridableException notOverridable) {
      return json(403, new ErrorJson(403, notOverridable.getMessage(), Map.of()));
    }
  }

  private static Response json(int status, ErrorJson body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }
}
