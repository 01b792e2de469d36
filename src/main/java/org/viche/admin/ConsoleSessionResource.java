package org.viche.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.viche.web.Page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Signing in and out of the console. The token is posted once, in the body of a CSRF-protected
 * form, and exchanged for a session; it is never put in an address, a page or a cookie.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class ConsoleSessionResource {

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSessions sessions;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(Page page, Nav nav, String error);

        static native TemplateInstance forbidden(Page page, Nav nav);
    }

    @GET
    @Operation(hidden = true)
    public Response start() {
        ConsoleMessages msg = pages.msg();
        Staff staff = pages.signedIn();
        return pages.redirect(msg, staff.admin() ? "/admin/surveys" : "/admin/results");
    }

    @GET
    @Path("/sign-in")
    @Operation(hidden = true)
    public Response signInPage() {
        ConsoleMessages msg = pages.msg();
        return signInPage(msg, 200, null);
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@FormParam("token") String token) {
        ConsoleMessages msg = pages.msg();
        ConsoleSessions.SignIn outcome = sessions.signIn(token);
        if (outcome instanceof ConsoleSessions.Started started) {
            return Response.fromResponse(pages.redirect(msg, "/admin"))
                    .header(HttpHeaders.SET_COOKIE, cookie(started.sessionId(), -1)).build();
        }
        ConsoleSessions.Reason reason = ((ConsoleSessions.Refused) outcome).reason();
        return signInPage(msg, 401,
                reason == ConsoleSessions.Reason.PARTNER_TOKEN ? msg.admin_signin_partner() : msg.admin_signin_unknown());
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(@CookieParam(ConsoleSessionMechanism.COOKIE) String session) {
        ConsoleMessages msg = pages.msg();
        sessions.signOut(session);
        return Response.fromResponse(pages.redirect(msg, "/admin/sign-in"))
                .header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
    }

    private Response signInPage(ConsoleMessages msg, int status, String error) {
        return pages.render(status, Templates.signIn(pages.page(msg, msg.admin_signin_title()),
                pages.nav(msg, null, "sign-in"), error));
    }

    /** HttpOnly, SameSite=Strict, only for the console's paths; Secure whenever the browser came over HTTPS. */
    private String cookie(String value, int maxAge) {
        return ConsoleSessionMechanism.COOKIE + "=" + value + "; Path=" + ConsoleSessionMechanism.PATH
                + "; HttpOnly; SameSite=Strict" + (pages.secure() ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
