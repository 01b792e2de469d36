package org.viche.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.results.ResultsService;
import org.viche.results.ResultsView;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyService;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The console's view of surveys, on top of {@link SurveyService} and {@link ResultsService}:
 * definitions read and written as the API's JSON (with the API's own mapper), so a definition
 * exported here is one the API accepts, and every check is the service's.
 */
@ApplicationScoped
class ConsoleSurveys {

    static final String DEMO = "demo/demo-survey.json";

    /** What a pasted definition came to: created or replaced, or the problems to show beside it. */
    record Outcome(SurveySnapshot survey, List<FieldError> errors) {
        boolean ok() {
            return survey != null;
        }
    }

    @Inject
    SurveyService surveys;

    @Inject
    ResultsService results;

    @Inject
    ObjectMapper json;

    SurveySnapshot get(String slug) {
        return surveys.find(slug).orElseThrow(() -> ApiException.notFound("No survey named '" + slug + "'."));
    }

    List<SurveyRow> rows(String lang) {
        return surveys.listAll().stream().map(s -> row(s, lang)).toList();
    }

    /** Counted and held responses as of now (drafts have none). */
    SurveyRow row(SurveySnapshot s, String lang) {
        ResultsView current = results.currentResults(s);
        return SurveyRow.of(s, lang, current.responses(), current.quarantined());
    }

    Outcome create(String definitionJson) {
        return apply(definitionJson, d -> surveys.create(d, false));
    }

    Outcome replace(String slug, String definitionJson) {
        return apply(definitionJson, d -> surveys.replace(slug, d));
    }

    private Outcome apply(String definitionJson, java.util.function.Function<SurveyDefinition, SurveySnapshot> action) {
        Optional<SurveyDefinition> definition = parse(definitionJson);
        if (definition.isEmpty()) {
            return new Outcome(null, List.of(ConsoleErrors.own("definition", "notJson", "is not a JSON survey definition")));
        }
        try {
            return new Outcome(action.apply(definition.get()), List.of());
        } catch (ApiException e) {
            return new Outcome(null, e.problems());
        }
    }

    private Optional<SurveyDefinition> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(text, SurveyDefinition.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A definition as indented JSON, as the API accepts it back. */
    String export(SurveySnapshot s) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(s.definition());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored definition always serialises", e);
        }
    }

    /** The demo survey as a starting point, under a slug of its own so that it can be created as is. */
    String demoTemplate() {
        try (InputStream in = ConsoleSurveys.class.getClassLoader().getResourceAsStream(DEMO)) {
            ObjectNode demo = (ObjectNode) json.readTree(in);
            demo.put("slug", "my-survey");
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(demo);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo survey ships with Viche", e);
        }
    }

    SurveySnapshot open(String slug) {
        return surveys.open(slug);
    }

    SurveySnapshot close(String slug) {
        return surveys.close(slug);
    }
}
