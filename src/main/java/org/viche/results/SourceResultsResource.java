package org.viche.results;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.viche.region.RegionCatalog;
import org.viche.security.ApiTokenRepository;
import org.viche.security.Roles;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Results split by where responses came from — the web form, anonymous API clients, or each
 * partner site — so that admins and researchers can see whether one channel differs.
 */
@Path("/api/v1/surveys/{slug}/results/by-source")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
public class SourceResultsResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceResults(String channel, UUID partnerId, String partner, ResultsView results) {
    }

    public record BySource(String survey, List<SourceResults> sources) {
    }

    @Inject
    SurveyService surveys;

    @Inject
    TallyReader tallies;

    @Inject
    RegionCatalog regions;

    @Inject
    ApiTokenRepository tokens;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    @SecurityRequirement(name = "bearer", scopes = {Roles.ADMIN, Roles.RESEARCHER})
    @Operation(summary = "Current results per channel (WEB, API) and per partner site")
    @Transactional
    public BySource bySource(@PathParam("slug") String slug) {
        SurveySnapshot survey = surveys.findPublic(slug);
        Map<String, Long> population = regions.populations(survey.definition().regionScheme());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        List<SourceResults> sources = new ArrayList<>();
        // no source shows a region the whole survey's publication hides (one pattern per publication)
        ResultsCalculator.Pattern whole = new ResultsCalculator(survey, tallies.read(survey), population)
                .pattern(ResultsCalculator.Pattern.NONE);
        tallies.readBySource(survey).forEach((source, tally) -> {
            ResultsCalculator calculator = new ResultsCalculator(survey, tally, population);
            ResultsView view = calculator.compute(now, calculator.pattern(whole));
            int colon = source.indexOf(':');
            if (colon < 0) {
                sources.add(new SourceResults(source, null, null, view));
            } else {
                UUID partnerId = UUID.fromString(source.substring(colon + 1));
                String name = tokens.findByIdOptional(partnerId).map(t -> t.name).orElse(null);
                sources.add(new SourceResults(source.substring(0, colon), partnerId, name, view));
            }
        });
        return new BySource(survey.slug(), sources);
    }
}
