package org.viche.error;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Body limits count the bytes actually read: a body sent without Content-Length (chunked)
 * passes {@link BodySizeLimitFilter}'s check of the declared length, so every entity read by
 * a resource is read under the route's limit first and refused with 413 past it.
 */
@Provider
public class BodyLimitInterceptor implements ReaderInterceptor {

    @Inject
    BodySizeLimitFilter limits;

    @jakarta.ws.rs.core.Context
    UriInfo uri;

    /** Reads at most one byte past the limit: a body that has it is refused before any parser sees it. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limits.limitFor("/" + uri.getPath().replaceFirst("^/", ""));
        byte[] body = context.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            throw new WebApplicationException(413);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
