package org.viche.error;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every JSON body is read strictly, by Jackson itself: trailing content after the value, a key
 * given twice, or a field no one asked for is a 400 problem (ProblemMappers), never silently
 * ignored — a partner's misspelt {@code "regoin"} must not be dropped on the floor, and
 * {@code {"region":"UA-14","region":"UA-09"}} must not mean whichever came last.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
