package de.rundbrief.web.api;

import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.attribute.DuplicateAttributeException;
import de.rundbrief.domain.attribute.InvalidAttributeValueException;
import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.DuplicateCmsSourceException;
import de.rundbrief.domain.consent.ConsentTextChangedException;
import de.rundbrief.domain.consent.FormTooFastException;
import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.consent.SuppressedAddressException;
import de.rundbrief.domain.mailing.DuplicateTemplateException;
import de.rundbrief.domain.mailing.MailingDeliveryException;
import de.rundbrief.domain.mailing.MailingStateException;
import de.rundbrief.domain.mailinglist.ConsentTextRequiredException;
import de.rundbrief.domain.mailinglist.DuplicateMailingListException;
import de.rundbrief.domain.segment.DuplicateSegmentException;
import de.rundbrief.domain.subscriber.DuplicateSubscriberException;
import de.rundbrief.domain.subscriber.InvalidEmailAddressException;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.web.api.Json.ErrorJson;
import de.rundbrief.web.publicpages.TooManyRequestsException;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns failures into JSON answers with the right status; nothing else reaches the client. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  /**
   * The answer to a request without the JSON body it needs; the runtime reports an empty body as a
   * bare 400 with {@link NoContentException} as the cause.
   */
  static final String NO_BODY = "The request needs a JSON body";

  /**
   * What the runtime (Jersey) throws for a query parameter it cannot convert ({@code ?status=FOO},
   * {@code ?page=x}). Jakarta REST makes that a 404, as if the resource did not exist; the resource
   * exists and the request is wrong, so Rundbrief answers 400. A path parameter that cannot be read
   * stays 404: no record has such an id.
   */
  private static final String QUERY_PARAMETER_FAILURE =
      "org.glassfish.jersey.server.ParamException$QueryParamException";

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable failure = unwrap(thrown);
    if (failure.getClass().getName().equals(QUERY_PARAMETER_FAILURE)) {
      return json(400, ErrorJson.of(400, "A query parameter has a value that cannot be read"));
    }
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      String message =
          status == 404
              ? "Not found"
              : failure.getCause() instanceof NoContentException ? NO_BODY : failure.getMessage();
      return json(status, ErrorJson.of(status, message));
    }
    if (failure instanceof NotFoundException) {
      return json(404, ErrorJson.of(404, "Not found"));
    }
    if (failure instanceof TenantAccessDeniedException
        || failure instanceof EJBAccessException
        || failure instanceof AccessLocalException) {
      return json(403, ErrorJson.of(403, "Your role does not allow this"));
    }
    if (failure instanceof ConstraintViolationException invalid) {
      return invalidInput(invalid);
    }
    if (failure instanceof InvalidEmailAddressException invalid) {
      return json(400, new ErrorJson(400, "Invalid input", Map.of("email", invalid.getMessage())));
    }
    if (failure instanceof InvalidAttributeValueException invalid) {
      return json(
          400,
          new ErrorJson(
              400,
              "Invalid input",
              Map.of("attributes." + invalid.getKey(), invalid.getMessage())));
    }
    if (failure instanceof ConsentTextRequiredException missing) {
      return json(
          400, new ErrorJson(400, "Invalid input", Map.of("consentText", missing.getMessage())));
    }
    if (failure instanceof IllegalArgumentException invalid) {
      return json(400, ErrorJson.of(400, invalid.getMessage()));
    }
    if (failure instanceof JsonbException || failure instanceof ProcessingException) {
      return json(400, ErrorJson.of(400, "Malformed JSON: " + readable(failure.getMessage())));
    }
    if (failure instanceof DuplicateSubscriberException duplicate) {
      return json(
          409, new ErrorJson(409, duplicate.getMessage(), Map.of("email", duplicate.getMessage())));
    }
    if (failure instanceof DuplicateMailingListException duplicate) {
      return json(
          409, new ErrorJson(409, duplicate.getMessage(), Map.of("name", duplicate.getMessage())));
    }
    if (failure instanceof TooManyRequestsException tooMany) {
      return Response.status(429)
          .header("Retry-After", tooMany.getRetryAfterSeconds())
          .type(MediaType.APPLICATION_JSON)
          .entity(ErrorJson.of(429, tooMany.getMessage()))
          .build();
    }
    if (failure instanceof InvalidTokenException invalid) {
      return json(400, ErrorJson.of(400, invalid.getMessage()));
    }
    if (failure instanceof FormTooFastException) {
      return json(400, ErrorJson.of(400, "The form was sent too quickly; wait a moment"));
    }
    if (failure instanceof SuppressedAddressException suppressed) {
      return json(409, ErrorJson.of(409, suppressed.getMessage()));
    }
    if (failure instanceof ConsentTextChangedException) {
      return json(409, ErrorJson.of(409, "The consent text has changed; load the form again"));
    }
    if (failure instanceof DuplicateAttributeException
        || failure instanceof DuplicateSegmentException) {
      return json(409, ErrorJson.of(409, failure.getMessage()));
    }
    if (failure instanceof DuplicateTemplateException) {
      return json(
          409, new ErrorJson(409, failure.getMessage(), Map.of("name", failure.getMessage())));
    }
    if (failure instanceof MailingStateException) {
      return json(409, ErrorJson.of(409, failure.getMessage()));
    }
    if (failure instanceof CmsFetchException cms) {
      return json(502, new ErrorJson(502, cms.getMessage(), Map.of("reason", cms.reason().name())));
    }
    if (failure instanceof DuplicateCmsSourceException) {
      return json(
          409, new ErrorJson(409, failure.getMessage(), Map.of("name", failure.getMessage())));
    }
    if (failure instanceof MailingDeliveryException) {
      return json(502, ErrorJson.of(502, failure.getMessage()));
    }
    if (failure instanceof OptimisticLockException) {
      return json(409, ErrorJson.of(409, "Someone else changed this record; load it again"));
    }
    LOG.log(Level.SEVERE, "Unexpected failure in the API", thrown);
    return json(500, ErrorJson.of(500, "Internal error"));
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable current = thrown;
    while (current instanceof EJBException
        && !(current instanceof EJBAccessException || current instanceof AccessLocalException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    if (current instanceof ProcessingException && current.getCause() instanceof JsonbException) {
      return current.getCause();
    }
    return current;
  }

  /** The parser's complaint without Java class names. */
  private static String readable(String message) {
    return message == null
        ? "cannot read the body"
        : message.replace("Internal error: ", "").replaceAll("(\\w+\\.)+(\\w+)", "$2");
  }

  /** 400 with the fields concerned and their messages. */
  static Response invalidInput(ConstraintViolationException invalid) {
    return json(400, new ErrorJson(400, "Invalid input", fields(invalid)));
  }

  /** {@code create.data.email} becomes {@code email}. */
  private static Map<String, String> fields(ConstraintViolationException invalid) {
    Map<String, String> fields = new TreeMap<>();
    for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
      String path = violation.getPropertyPath().toString();
      fields.put(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
    }
    return fields;
  }

  private static Response json(int status, ErrorJson body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }
}
