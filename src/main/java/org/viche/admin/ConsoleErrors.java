package org.viche.admin;

import java.util.Arrays;
import java.util.List;

import org.viche.error.FieldError;
import org.viche.survey.SurveyStatus;

/**
 * Problems as the console shows them: in the console's language (one typed ConsoleMessages text
 * per problem code, its values filled in: the validator's DefinitionProblem, the services'
 * ServiceProblem and the console's own), else in the service's English, which is still better
 * than nothing. Only the message changes: the field path stays, so each problem still sits beside
 * its input. A code is matched by an explicit switch, never turned into a key: Qute checks every
 * text at build time, and ValidationTextsTest checks every problem code reaches one.
 */
final class ConsoleErrors {

    private ConsoleErrors() {
    }

    static List<FieldError> in(ConsoleMessages msg, List<FieldError> errors) {
        return errors.stream().map(e -> in(msg, e)).toList();
    }

    private static FieldError in(ConsoleMessages msg, FieldError e) {
        String text = e.textCode() == null ? null : text(msg, e);
        return text == null ? e : new FieldError(e.field(), e.code(), text, e.textCode(), e.args());
    }

    /** The sentence for a problem code, or null for a code the console has no text for. */
    static String text(ConsoleMessages msg, FieldError e) {
        return switch (e.textCode()) {
            case "notJson" -> msg.admin_validation_notJson();
            case "notADate" -> msg.admin_validation_notADate();
            case "fileTooLarge" -> msg.admin_validation_fileTooLarge(arg(e, 0));
            case "fileEmpty" -> msg.admin_validation_fileEmpty();
            case "fileNotUtf8" -> msg.admin_validation_fileNotUtf8();
            case "definitionRequired" -> msg.admin_validation_definitionRequired();
            case "required" -> msg.admin_validation_required();
            case "slugInvalid" -> msg.admin_validation_slugInvalid(arg(e, 0));
            case "languagesRequired" -> msg.admin_validation_languagesRequired();
            case "languageUnknown" -> msg.admin_validation_languageUnknown(arg(e, 0));
            case "languageDuplicate" -> msg.admin_validation_languageDuplicate(arg(e, 0));
            case "textRequired" -> msg.admin_validation_textRequired(arg(e, 0));
            case "translationMissing" -> msg.admin_validation_translationMissing(arg(e, 0));
            case "textTooLong" -> msg.admin_validation_textTooLong(arg(e, 0));
            case "schemeRequired" -> msg.admin_validation_schemeRequired();
            case "schemeUnknown" -> msg.admin_validation_schemeUnknown(arg(e, 0));
            case "regionsEmpty" -> msg.admin_validation_regionsEmpty();
            case "regionUnknown" -> msg.admin_validation_regionUnknown(arg(e, 0), arg(e, 1));
            case "regionDuplicate" -> msg.admin_validation_regionDuplicate(arg(e, 0));
            case "questionsRequired" -> msg.admin_validation_questionsRequired();
            case "questionsTooMany" -> msg.admin_validation_questionsTooMany(arg(e, 0));
            case "questionNotObject" -> msg.admin_validation_questionNotObject();
            case "questionKeyDuplicate" -> msg.admin_validation_questionKeyDuplicate(arg(e, 0));
            case "questionKeyInvalid" -> msg.admin_validation_questionKeyInvalid(arg(e, 0));
            case "optionKeyInvalid" -> msg.admin_validation_optionKeyInvalid(arg(e, 0));
            case "typeUnknown" -> msg.admin_validation_typeUnknown();
            case "optionsNotAllowed" -> msg.admin_validation_optionsNotAllowed();
            case "maxChoicesOutOfRange" -> msg.admin_validation_maxChoicesOutOfRange();
            case "maxChoicesNotAllowed" -> msg.admin_validation_maxChoicesNotAllowed();
            case "minMaxNotAllowed" -> msg.admin_validation_minMaxNotAllowed();
            case "maxLengthOutOfRange" -> msg.admin_validation_maxLengthOutOfRange(arg(e, 0));
            case "maxLengthNotAllowed" -> msg.admin_validation_maxLengthNotAllowed();
            case "scaleMinRequired" -> msg.admin_validation_scaleMinRequired();
            case "scaleMaxRequired" -> msg.admin_validation_scaleMaxRequired();
            case "scaleMaxNotAboveMin" -> msg.admin_validation_scaleMaxNotAboveMin();
            case "scaleTooManyPoints" -> msg.admin_validation_scaleTooManyPoints(arg(e, 0));
            case "optionsTooFew" -> msg.admin_validation_optionsTooFew();
            case "optionsTooMany" -> msg.admin_validation_optionsTooMany(arg(e, 0));
            case "optionNotObject" -> msg.admin_validation_optionNotObject();
            case "optionKeyDuplicate" -> msg.admin_validation_optionKeyDuplicate(arg(e, 0));
            case "showIfQuestionRequired" -> msg.admin_validation_showIfQuestionRequired();
            case "showIfUnknownQuestion" -> msg.admin_validation_showIfUnknownQuestion(arg(e, 0));
            case "showIfNotAChoice" -> msg.admin_validation_showIfNotAChoice();
            case "showIfAnyOfRequired" -> msg.admin_validation_showIfAnyOfRequired();
            case "showIfUnknownOption" -> msg.admin_validation_showIfUnknownOption(arg(e, 0), arg(e, 1));
            case "minCellSizeOutOfRange" -> msg.admin_validation_minCellSizeOutOfRange();
            case "valueUnknown" -> msg.admin_validation_valueUnknown(arg(e, 0));
            case "slugTaken" -> msg.admin_refusal_slugTaken(arg(e, 0));
            case "slugMismatch" -> msg.admin_refusal_slugMismatch(arg(e, 0));
            case "changeNotDraft" -> msg.admin_refusal_changeNotDraft(arg(e, 0), status(msg, arg(e, 1)));
            case "openNotDraft" -> msg.admin_refusal_openNotDraft(arg(e, 0), status(msg, arg(e, 1)));
            case "closeNotOpen" -> msg.admin_refusal_closeNotOpen(arg(e, 0), status(msg, arg(e, 1)));
            case "tokenNameRequired" -> msg.admin_refusal_tokenNameRequired();
            case "tokenRoleUnknown" -> msg.admin_refusal_tokenRoleUnknown();
            case "tokenScopeNotAllowed" -> msg.admin_refusal_tokenScopeNotAllowed();
            case "tokenExpiryPast" -> msg.admin_refusal_tokenExpiryPast();
            case "codesCountOutOfRange" -> msg.admin_refusal_codesCountOutOfRange(arg(e, 0));
            case "codesOpenAccess" -> msg.admin_refusal_codesOpenAccess(arg(e, 0));
            case "codesSurveyClosed" -> msg.admin_refusal_codesSurveyClosed(arg(e, 0));
            default -> null;
        };
    }

    /** A survey's status as the console labels it; a value that is no status stays as it is. */
    private static String status(ConsoleMessages msg, String value) {
        return Arrays.stream(SurveyStatus.values()).filter(s -> s.name().equals(value)).findFirst()
                .map(msg::admin_status).orElse(value);
    }

    private static String arg(FieldError e, int i) {
        return i < e.args().size() ? e.args().get(i) : "";
    }

    /** A problem found by the console itself (not the service), with its sentence in the bundles. */
    static FieldError own(String field, String textCode, String english, Object... args) {
        return new FieldError(field, textCode, english, textCode,
                Arrays.stream(args).map(String::valueOf).toList());
    }
}
