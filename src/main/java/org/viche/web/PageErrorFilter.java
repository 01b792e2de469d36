package org.viche.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.viche.error.ErrorResponses;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The page-side twin of {@link org.viche.error.BareErrorFilter}: framework filters that refuse
 * without throwing (the CSRF check answers a bare 400) would otherwise show a person an empty
 * page. Outside {@code /api} such answers get the HTML error page, except a survey form refused
 * for an expired token, which comes back filled in ({@link StaleFormRecovery}).
 *
 * <p>Runs before the CSRF extension's own response filter (response filters run from the highest
 * priority down), so that the fresh token the re-shown form carries also gets its cookie.
 */
public class PageErrorFilter {

    @Inject
    HtmlErrorPages pages;

    @Inject
    StaleFormRecovery staleForms;

    @ServerResponseFilter(priority = Priorities.USER + 100)
    public Uni<Void> addErrorPage(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response,
            RoutingContext rc) {
        int status = response.getStatus();
        String path = request.getUriInfo().getPath();
        if (status < 400 || response.hasEntity() || ErrorResponses.isApi(path) || path.startsWith("/q/")) {
            return Uni.createFrom().voidItem();
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, HtmlResponses.HTML);
        if (status == 400 && request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context) {
            return staleForms.reshow(request.getMethod(), path, context.getFormData(), rc).map(form -> {
                if (form.isPresent()) {
                    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
                    response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
                    // A form page: its fresh anti-forgery cookie must survive FormCookiePolicy.
                    response.getHeaders().putSingle(FormCookiePolicy.MARKER, "1");
                    response.setEntity(form.get());
                } else {
                    response.setEntity(pages.render(status));
                }
                return null;
            });
        }
        response.setEntity(pages.render(status));
        return Uni.createFrom().voidItem();
    }
}
