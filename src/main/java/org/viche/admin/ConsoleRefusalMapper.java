package org.viche.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a {@link ConsoleRefusal} from any console resource into the page a person should see. */
class ConsoleRefusalMapper {

    @Inject
    ConsolePages pages;

    /** Not signed in: to the sign-in page; a role that may not see the page: a 403 page saying so. */
    @ServerExceptionMapper
    public Response refused(ConsoleRefusal refusal) {
        ConsoleMessages msg = pages.msg();
        if (refusal.kind == ConsoleRefusal.Kind.SIGN_IN) {
            return pages.redirect(msg, "/admin/sign-in");
        }
        return pages.render(403, ConsoleSessionResource.Templates.forbidden(pages.page(msg, msg.admin_forbidden_title()),
                pages.nav(msg, pages.signedIn(), "")));
    }

}
