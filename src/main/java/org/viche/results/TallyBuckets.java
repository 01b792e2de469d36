package org.viche.results;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Question;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The roll-up vocabulary: which counters one response increments. Results are computed
 * from these counters alone, so this class and {@link ResultsCalculator} must agree.
 *
 * <ul>
 * <li>{@code ("", "responses")}: one per response, per region;</li>
 * <li>{@code ("", "quarantined")}: one per response held back uncounted (instead of all others),
 * and {@code ("", "quarantined:REASON")} beside it, so results say why;</li>
 * <li>{@code (q, "answered")}: the response answered question q (the n of its cell);</li>
 * <li>{@code (q, "option:k")}: chose option k (single and multiple choice);</li>
 * <li>{@code (q, "value:v")}: gave scale value v;</li>
 * <li>{@code (q, "rank:k:p")}: ranked option k at position p (1 = best).</li>
 * </ul>
 */
public final class TallyBuckets {

    public static final String SURVEY_LEVEL = "";
    public static final String RESPONSES = "responses";
    public static final String ANSWERED = "answered";
    public static final String QUARANTINED = "quarantined";
    /** The reasons results report held responses under (QuarantineReason's names; results do not import it). */
    public static final List<String> QUARANTINE_REASONS = List.of("CLIENT_BURST", "IDENTICAL_ANSWERS", "ANSWER_SURGE");
    static final String OPTION = "option:";
    static final String VALUE = "value:";
    static final String RANK = "rank:";

    public record Counter(String question, String bucket) {
    }

    private TallyBuckets() {
    }

    /** The source a response is counted under: its channel, plus the partner for partner submissions. */
    public static String source(String channel, UUID partnerId) {
        return partnerId == null ? channel : channel + ":" + partnerId;
    }

    /** The counters of a response held back for {@code reason}: the held count, and the count by reason. */
    public static List<Counter> held(String reason) {
        return List.of(new Counter(SURVEY_LEVEL, QUARANTINED), new Counter(SURVEY_LEVEL, quarantinedFor(reason)));
    }

    static String quarantinedFor(String reason) {
        return QUARANTINED + ":" + reason;
    }

    /** Counters for one response with already-validated, normalised answers. */
    public static List<Counter> of(SurveyDefinition survey, JsonNode answers) {
        List<Counter> counters = new ArrayList<>();
        counters.add(new Counter(SURVEY_LEVEL, RESPONSES));
        for (Question q : survey.questionList()) {
            JsonNode answer = answers.get(q.key());
            if (answer == null) {
                continue;
            }
            counters.add(new Counter(q.key(), ANSWERED));
            switch (q.questionType()) {
                case SINGLE_CHOICE -> counters.add(new Counter(q.key(), OPTION + answer.asText()));
                case MULTIPLE_CHOICE -> answer.forEach(k -> counters.add(new Counter(q.key(), OPTION + k.asText())));
                case SCALE -> counters.add(new Counter(q.key(), VALUE + answer.asInt()));
                case RANKING -> {
                    int position = 1;
                    for (JsonNode k : answer) {
                        counters.add(new Counter(q.key(), RANK + k.asText() + ":" + position++));
                    }
                }
                case TEXT -> {
                    // answered / not answered only: the text itself is never aggregated
                }
            }
        }
        return counters;
    }
}
