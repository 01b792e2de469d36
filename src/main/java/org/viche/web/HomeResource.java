package org.viche.web;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The front page: the surveys open for answers, each with its form and its results. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @Inject
    SurveyService surveys;

    @Inject
    LanguageResolver languages;


    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page page, List<SurveyCard> surveys);
    }

    /** One listed survey; texts stay multilingual maps, picked in the template with {@code localized}. */
    public record SurveyCard(String slug, Map<String, String> title, Map<String, String> description,
            String firstLanguage, String lang, boolean demo, String formHref, String resultsHref) {

        static SurveyCard of(SurveySnapshot s, String pageLanguage) {
            SurveyDefinition d = s.definition();
            return new SurveyCard(s.slug(), d.title(), d.description() == null ? Map.of() : d.description(),
                    s.firstLanguage(), TextExtensions.languageShown(d.title(), pageLanguage, s.firstLanguage()), s.demo(),
                    Page.href("/s/" + s.slug(), pageLanguage), Page.href("/s/" + s.slug() + "/results", pageLanguage));
        }
    }

    @GET
    @Operation(hidden = true)
    public Response home(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        PageMessages msg = PageTexts.of(languages.forSite(lang, acceptLanguage));
        List<SurveyCard> cards = surveys.listOpen().stream().map(s -> SurveyCard.of(s, msg.language())).toList();
        Page page = Page.of(msg.language(), msg.home_title(), "/", Map.of(), SurveyDefinition.SUPPORTED_LANGUAGES);
        return HtmlResponses.page(200, PageTexts.in(msg.language(), Templates.home(page, cards)));
    }
}
