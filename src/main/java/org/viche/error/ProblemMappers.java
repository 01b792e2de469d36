package org.viche.error;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The single error layer. Under {@code /api} every failure becomes problem+json; on pages
 * the same failures become a plain HTML error page. Nothing here ever echoes a class name,
 * a stack trace or the text of an unexpected exception.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client should wait before retrying while the database is unreachable. */
    static final int RETRY_AFTER_OUTAGE = 5;

    @Inject
    ErrorResponses responses;

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        return responses.of(uri, e.toProblem(), e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(v.getPropertyPath()), "invalid", v.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return responses.of(uri, Problem.withErrors(400, "Invalid request", "The request has invalid fields.", errors), null);
    }

    /** Declared for the exact type: Quarkus ships its own mapper for it, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            FieldError error = new FieldError(JsonPaths.of(unknown.getPath()), "unknownField", "is not a field of this request");
            return responses.of(uri, Problem.withErrors(400, "Invalid request",
                    "The request body has a field this address does not accept.", List.of(error)), null);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping.getPath());
            FieldError error = new FieldError(field, "wrongType", "has the wrong type or shape");
            return responses.of(uri, Problem.withErrors(400, "Invalid request",
                    "A field of the request body has the wrong type.", List.of(error)), null);
        }
        return responses.of(uri, Problem.of(400, "Malformed JSON", "The request body is not valid JSON."), null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return responses.of(uri, Problem.of(401, "Unauthorized", "A valid bearer token is required."), null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return responses.of(uri, Problem.of(401, "Unauthorized", "The bearer token is not valid."), null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return responses.of(uri, Problem.of(403, "Forbidden", "This token's role may not do this."), null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return responses.of(uri, Problem.of(status, ErrorResponses.titleFor(status), ErrorResponses.detailFor(status)), null);
    }

    /**
     * A CSRF token that is not even base64 makes the CSRF filter's signature check throw (with a
     * signature key, quarkus-rest-csrf decodes the token first): that is a forged or mangled
     * form, the client's fault, refused like any other bad token.
     */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        if (e.getStackTrace().length > 0 && java.util.Arrays.stream(e.getStackTrace()).limit(8)
                .anyMatch(frame -> frame.getClassName().startsWith("io.quarkus.csrf."))) {
            return responses.of(uri, Problem.of(400, ErrorResponses.titleFor(400), ErrorResponses.detailFor(400)), null);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warn("Database unreachable: " + e.getMessage());
            return responses.of(uri, Problem.of(503, "Service unavailable",
                    "The database cannot be reached just now; nothing was changed. Please retry shortly."), RETRY_AFTER_OUTAGE);
        }
        LOG.error("Unexpected failure", e);
        return responses.of(uri, Problem.of(500, "Internal error", "The request could not be completed."), null);
    }

    /** {@code create.definition.questions[2].key} becomes {@code questions[2].key}. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('.').append(node.getKey());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
