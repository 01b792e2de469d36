package org.viche.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.viche.error.ErrorResponses;

/**
 * The page-side twin of {@link org.viche.error.BareErrorFilter}: framework filters that refuse
 * without throwing (the CSRF check answers a bare 400) would otherwise show a person an empty
 * page. Outside {@code /api} such answers get the HTML error page.
 */
public class PageErrorFilter {

    @Inject
    HtmlErrorPages pages;

    @ServerResponseFilter
    public void addErrorPage(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        String path = request.getUriInfo().getPath();
        if (status < 400 || response.hasEntity() || ErrorResponses.isApi(path) || path.startsWith("/q/")) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, HtmlResponses.HTML);
        response.setEntity(pages.render(status));
    }
}
