package org.viche.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.viche.config.VicheConfig;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyService;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the example survey (product.md) at start, unless {@code viche.demo.enabled=false}.
 * Kept out of the versioned schema migrations on purpose: demo content is data an operator
 * can switch off. Idempotent: an existing survey with the demo slug is left untouched.
 */
public class DemoSurveyLoader {

    static final String RESOURCE = "demo/demo-survey.json";
    private static final Logger LOG = Logger.getLogger(DemoSurveyLoader.class);

    @Inject
    VicheConfig config;

    @Inject
    SurveyService surveys;

    @Inject
    ObjectMapper json;

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        SurveyDefinition definition = read();
        if (surveys.find(definition.slug()).isPresent()) {
            return;
        }
        try {
            surveys.create(definition, true);
            surveys.open(definition.slug());
            LOG.infof("Demo survey '%s' created and opened", definition.slug());
        } catch (RuntimeException e) {
            // Another instance starting at the same moment may have created it first.
            if (surveys.find(definition.slug()).isEmpty()) {
                throw e;
            }
            LOG.debugf("Demo survey created by another instance: %s", e.getMessage());
        }
    }

    SurveyDefinition read() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            return json.readValue(in, SurveyDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo survey resource unreadable", e);
        }
    }
}
