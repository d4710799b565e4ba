package de.rundbrief.web.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Invalid input as JSON naming the fields. Registered for the exact type, so that it wins over the
 * JAX-RS runtime's own validation mapper.
 */
@Provider
public class InvalidInputMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException invalid) {
    return ApiExceptionMapper.invalidInput(invalid);
  }
}
