package org.viche.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.vertx.ext.web.RoutingContext;

/** Chooses the error's form: problem+json for the API, an HTML page for people. */
@ApplicationScoped
public class ErrorResponses {

    @Inject
    Instance<ErrorPageRenderer> pages;

    public Response of(UriInfo uri, Problem problem, Integer retryAfterSeconds) {
        Response.ResponseBuilder builder;
        if (isApi(uri.getPath()) || pages.isUnsatisfied()) {
            builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        } else {
            builder = Response.status(problem.status()).type("text/html;charset=UTF-8")
                    .entity(pages.get().render(problem.status()));
        }
        if (retryAfterSeconds != null) {
            builder.header("Retry-After", retryAfterSeconds);
        }
        return builder.build();
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("api/");
    }

    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Validation failed";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
    }

    public static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 404 -> "Nothing is published at this address.";
            case 405 -> "This address does not accept this HTTP method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 413 -> "The request body is larger than this address accepts.";
            case 415 -> "This address expects a different content type (application/json for the API).";
            default -> status >= 500 ? "The request could not be completed." : "The request was refused.";
        };
    }

    /** Implemented by the web layer; kept as an interface so errors need not know about templates. */
    public interface ErrorPageRenderer {
        String render(int status);

        /** For refusals made by a route handler, outside any request scope (a 413 before the body is read). */
        String render(int status, RoutingContext request);
    }
}
