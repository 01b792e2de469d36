package org.viche.survey;

import java.util.Optional;

public enum QuestionType {
    SINGLE_CHOICE, MULTIPLE_CHOICE, SCALE, RANKING, TEXT;

    /** Questions whose answers are option keys. */
    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == RANKING;
    }

    public static Optional<QuestionType> parse(String name) {
        for (QuestionType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
