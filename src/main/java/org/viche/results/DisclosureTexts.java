package org.viche.results;

import org.viche.results.ResultsView.Disclosure;
import org.viche.survey.SurveyDefinition.AccessMode;
import org.viche.survey.SurveySnapshot;
import org.viche.web.PageMessages;
import org.viche.web.PageTexts;

/**
 * The disclosure sentences that depend on the survey's access mode and the reader's language,
 * worded once in the message bundles so that the results JSON, the data package (the CSVs'
 * metadata) and the results page say exactly the same thing.
 */
public final class DisclosureTexts {

    private DisclosureTexts() {
    }

    /** The limitations statement for an open opt-in survey or an invitation-code one. */
    public static String limitations(SurveySnapshot survey, PageMessages msg) {
        return survey.definition().accessMode() == AccessMode.OPEN
                ? msg.disclosure_limitations_open() : msg.disclosure_limitations_token();
    }

    /** What the reader's counts are: perturbed by up to ±2 (public) or exact. */
    public static String perturbation(boolean perturbed, PageMessages msg) {
        return perturbed ? msg.disclosure_perturbation() : msg.disclosure_exact();
    }

    public static String codebookPath(SurveySnapshot survey) {
        return "/api/v1/surveys/" + survey.slug() + "/codebook";
    }

    public static Disclosure of(SurveySnapshot survey, String language, boolean perturbed) {
        PageMessages msg = PageTexts.of(language);
        return new Disclosure(msg.language(), survey.definition().accessMode().name(), limitations(survey, msg),
                perturbation(perturbed, msg), codebookPath(survey));
    }
}
