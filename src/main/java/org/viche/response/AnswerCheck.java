package org.viche.response;

import java.util.List;

import org.viche.error.FieldError;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outcome of checking a set of answers: either the normalised answers (only visible,
 * answered questions, in survey order, with canonical JSON types) or every problem found.
 */
public record AnswerCheck(ObjectNode answers, List<FieldError> errors) {

    public boolean isValid() {
        return errors.isEmpty();
    }
}
