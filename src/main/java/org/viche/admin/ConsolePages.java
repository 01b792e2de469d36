package org.viche.admin;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.viche.security.Roles;
import org.viche.survey.SurveyDefinition;
import org.viche.web.HtmlResponses;
import org.viche.web.LanguageResolver;
import org.viche.web.Page;
import org.viche.web.PageTexts;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * What every console page needs from the request: the reader's language, who is signed in and
 * whether their role may see the page. Pages are never cached: they show unpublished figures,
 * drafts and, once, secrets.
 */
@ApplicationScoped
public class ConsolePages {

    @Inject
    CurrentVertxRequest request;

    @Inject
    LanguageResolver languages;

    @Inject
    SecurityIdentity caller;

    /** The console's texts in the reader's language. */
    ConsoleMessages msg() {
        return MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(language()));
    }

    private String language() {
        RoutingContext rc = request.getCurrent();
        return languages.forSite(rc.request().getParam("lang"), rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** Any signed-in person (admin or researcher); nobody else. */
    Staff signedIn() {
        if (caller.isAnonymous()) {
            throw new ConsoleRefusal(ConsoleRefusal.Kind.SIGN_IN);
        }
        String role = caller.hasRole(Roles.ADMIN) ? Roles.ADMIN : caller.hasRole(Roles.RESEARCHER) ? Roles.RESEARCHER : null;
        if (role == null) {
            throw new ConsoleRefusal(ConsoleRefusal.Kind.FORBIDDEN);
        }
        return new Staff(caller.getPrincipal().getName(), role);
    }

    /** Authoring, codes, tokens, review and audit: admins only, as in the API. */
    Staff admin() {
        Staff staff = signedIn();
        if (!staff.admin()) {
            throw new ConsoleRefusal(ConsoleRefusal.Kind.FORBIDDEN);
        }
        return staff;
    }

    Nav nav(ConsoleMessages msg, Staff staff, String section) {
        return new Nav(msg.language(), staff, section);
    }

    /** The page frame; language links keep the page's own query (filters, the previewed language). */
    Page page(ConsoleMessages msg, String title) {
        RoutingContext rc = request.getCurrent();
        Map<String, String> query = new LinkedHashMap<>();
        rc.queryParams().forEach(e -> {
            if (!e.getKey().equals("lang")) {
                query.putIfAbsent(e.getKey(), e.getValue());
            }
        });
        return Page.of(msg.language(), title + " · " + msg.admin_name(), rc.normalizedPath(), query,
                SurveyDefinition.SUPPORTED_LANGUAGES);
    }

    /** A form shown again with its problems says so first in its title, so a screen reader announces it. */
    Page page(ConsoleMessages msg, String title, boolean refused) {
        return page(msg, refused ? msg.admin_errors_title(title) : title);
    }

    /**
     * Every console page carries a form (sign-in, sign-out, actions), so every one keeps the CSRF
     * cookie. The page's {@code {console:…}} and {@code {msg:…}} texts follow the reader's language.
     */
    Response render(int status, TemplateInstance page) {
        return HtmlResponses.privateFormPage(status, PageTexts.in(language(), page));
    }

    /** Post/Redirect/Get to a console address, in the reader's language. */
    Response redirect(ConsoleMessages msg, String path) {
        return Response.seeOther(URI.create(new Nav(msg.language(), null, null).href(path))).build();
    }

    /** This site's own address as the browser reached it, for links printed on paper. */
    String siteAddress() {
        RoutingContext rc = request.getCurrent();
        String host = rc.request().getHeader(HttpHeaders.HOST);
        return rc.request().scheme() + "://" + (host == null ? "localhost" : host);
    }

    boolean secure() {
        return "https".equalsIgnoreCase(request.getCurrent().request().scheme());
    }
}
