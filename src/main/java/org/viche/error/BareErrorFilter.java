package org.viche.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Some refusals are produced by framework filters that never throw (the CSRF filter
 * aborts with a bare 400, for example). Under {@code /api} those must still be
 * problem+json, so any error answer without a body gets one here.
 */
public class BareErrorFilter {

    @ServerResponseFilter
    public void addProblemBody(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        if (!ErrorResponses.isApi(request.getUriInfo().getPath())) {
            return;
        }
        Problem problem = Problem.of(status, ErrorResponses.titleFor(status), ErrorResponses.detailFor(status));
        response.getHeaders().putSingle("Content-Type", Problem.MEDIA_TYPE);
        response.setEntity(problem);
    }
}
