package org.viche.admin;

import org.viche.audit.AuditAction;
import org.viche.quarantine.QuarantineReason;
import org.viche.survey.QuestionType;
import org.viche.survey.SurveyStatus;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the authors' console, in Ukrainian ({@code messages/console_uk.properties}, the
 * default), Russian and English; templates call {@code {console:admin_name}}. As with
 * {@link org.viche.web.PageMessages}, a missing or misspelt key fails the build. Labels of an enum
 * (a survey's status, an audit action) are one method taking the enum, with a key per constant
 * ({@code admin_status_DRAFT}; Qute writes {@code _$} before a constant that holds {@code _}).
 */
@MessageBundle(value = "console", locale = "uk")
public interface ConsoleMessages {

    /** The console language this file is written in; MessageFilesTest holds it to its file name. */
    @Message
    String language();

    @Message
    String admin_name();

    @Message
    String admin_cancel();

    @Message
    String admin_errors_title(String title);

    @Message
    String admin_errors_heading();

    @Message
    String admin_role(ConsoleRole role);

    @Message
    String admin_status(SurveyStatus status);

    @Message
    String admin_date_created();

    @Message
    String admin_date_opened();

    @Message
    String admin_date_closed();

    @Message
    String admin_nav_label();

    @Message
    String admin_nav_surveys();

    @Message
    String admin_nav_tokens();

    @Message
    String admin_nav_audit();

    @Message
    String admin_nav_results();

    @Message
    String admin_nav_signOut();

    @Message
    String admin_nav_signedInAs(String name, String role);

    @Message
    String admin_signin_title();

    @Message
    String admin_signin_intro();

    @Message
    String admin_signin_token();

    @Message
    String admin_signin_hint();

    @Message
    String admin_signin_submit();

    @Message
    String admin_signin_refused();

    @Message
    String admin_signin_unknown();

    @Message
    String admin_signin_partner();

    @Message
    String admin_forbidden_title();

    @Message
    String admin_forbidden_text(String role);

    @Message
    String admin_forbidden_back();

    @Message
    String admin_surveys_title();

    @Message
    String admin_surveys_new();

    @Message
    String admin_surveys_fromDemo();

    @Message
    String admin_surveys_caption();

    @Message
    String admin_surveys_survey();

    @Message
    String admin_surveys_status();

    @Message
    String admin_surveys_counted();

    @Message
    String admin_surveys_held();

    @Message
    String admin_surveys_dates();

    @Message
    String admin_surveys_none();

    @Message
    String admin_new_title();

    @Message
    String admin_new_create();

    @Message
    String admin_edit_title();

    @Message
    String admin_edit_save();

    @Message
    String admin_definition_intro();

    @Message
    String admin_definition_label();

    @Message
    String admin_definition_hint();

    @Message
    String admin_definition_errors();

    @Message
    String admin_detail_actions();

    @Message
    String admin_detail_preview();

    @Message
    String admin_detail_edit();

    @Message
    String admin_detail_open();

    @Message
    String admin_detail_close();

    @Message
    String admin_detail_citizenForm();

    @Message
    String admin_detail_invitations();

    @Message
    String admin_detail_review();

    @Message
    String admin_detail_results();

    @Message
    String admin_detail_export();

    @Message
    String admin_open_title();

    @Message
    String admin_open_fixedTitle();

    @Message
    String admin_open_fixed1();

    @Message
    String admin_open_fixed2();

    @Message
    String admin_open_fixed3();

    @Message
    String admin_open_confirm();

    @Message
    String admin_close_title();

    @Message
    String admin_close_fixedTitle();

    @Message
    String admin_close_fixed1();

    @Message
    String admin_close_fixed2();

    @Message
    String admin_close_fixed3();

    @Message
    String admin_close_confirm();

    @Message
    String admin_preview_title();

    @Message
    String admin_preview_intro();

    @Message
    String admin_preview_languages();

    @Message
    String admin_preview_noSend();

    @Message
    String admin_codes_title();

    @Message
    String admin_codes_intro();

    @Message
    String admin_codes_count();

    @Message
    String admin_codes_count_hint(int max);

    @Message
    String admin_codes_sheet();

    @Message
    String admin_codes_csv();

    @Message
    String admin_codes_sheet_title();

    @Message
    String admin_codes_sheet_intro();

    @Message
    String admin_codes_slip_code();

    @Message
    String admin_codes_slip_safety();

    @Message
    String admin_tokens_title();

    @Message
    String admin_tokens_issue();

    @Message
    String admin_tokens_name();

    @Message
    String admin_tokens_role();

    @Message
    String admin_tokens_scope();

    @Message
    String admin_tokens_scope_hint();

    @Message
    String admin_tokens_scopeShort();

    @Message
    String admin_tokens_expires();

    @Message
    String admin_tokens_expires_hint();

    @Message
    String admin_tokens_expiresOn();

    @Message
    String admin_tokens_revokedOn();

    @Message
    String admin_tokens_list();

    @Message
    String admin_tokens_caption();

    @Message
    String admin_tokens_dates();

    @Message
    String admin_tokens_action();

    @Message
    String admin_tokens_revoke();

    @Message
    String admin_tokens_revoked();

    @Message
    String admin_tokens_issued_title();

    @Message
    String admin_tokens_issued_intro(String name, String role);

    @Message
    String admin_tokens_secret();

    @Message
    String admin_tokens_secret_once();

    @Message
    String admin_tokens_back();

    @Message
    String admin_review_title();

    @Message
    String admin_review_caption();

    @Message
    String admin_review_reason_heading();

    @Message
    String admin_review_count();

    @Message
    String admin_review_decision();

    @Message
    String admin_review_release();

    @Message
    String admin_review_reject();

    @Message
    String admin_review_none();

    @Message
    String admin_review_reason(QuarantineReason reason);

    @Message
    String admin_audit_title();

    @Message
    String admin_audit_intro(int limit);

    @Message
    String admin_audit_action_heading();

    @Message
    String admin_audit_actor();

    @Message
    String admin_audit_day();

    @Message
    String admin_audit_day_invalid();

    @Message
    String admin_audit_any();

    @Message
    String admin_audit_filter();

    @Message
    String admin_audit_caption();

    @Message
    String admin_audit_when();

    @Message
    String admin_audit_subject();

    @Message
    String admin_audit_details();

    @Message
    String admin_audit_none();

    @Message
    String admin_audit_action(AuditAction action);

    @Message
    String admin_results_title();

    @Message
    String admin_results_none();

    @Message
    String admin_results_counted(long count);

    @Message
    String admin_results_current();

    @Message
    String admin_results_public();

    @Message
    String admin_results_summary(Long counted, long held);

    @Message
    String admin_results_notPublic();

    @Message
    String admin_results_downloads();

    @Message
    String admin_results_download(ResultsConsoleResource.Download download);

    @Message
    String admin_results_compare();

    @Message
    String admin_results_compare_caption();

    @Message
    String admin_results_question();

    @Message
    String admin_results_option();

    @Message
    String admin_results_currentCount();

    @Message
    String admin_results_currentShare();

    @Message
    String admin_results_publicCount();

    @Message
    String admin_results_publicShare();

    @Message
    String admin_surveys_builder();

    @Message
    String admin_detail_builder();

    @Message
    String admin_builder_title();

    @Message
    String admin_builder_intro();

    @Message
    String admin_builder_save();

    @Message
    String admin_builder_survey();

    @Message
    String admin_builder_slug();

    @Message
    String admin_builder_surveyTitle();

    @Message
    String admin_builder_description();

    @Message
    String admin_builder_untranslated();

    @Message
    String admin_builder_languages();

    @Message
    String admin_builder_regionScheme();

    @Message
    String admin_builder_regions();

    @Message
    String admin_builder_regions_hint();

    @Message
    String admin_builder_access();

    @Message
    String admin_builder_access_OPEN();

    @Message
    String admin_builder_access_TOKEN();

    @Message
    String admin_builder_visibility_heading();

    @Message
    String admin_builder_visibility_LIVE();

    @Message
    String admin_builder_visibility_AFTER_CLOSE();

    @Message
    String admin_builder_minCellSize();

    @Message
    String admin_builder_methodology();

    @Message
    String admin_builder_question(int number);

    @Message
    String admin_builder_option(int number);

    @Message
    String admin_builder_key();

    @Message
    String admin_builder_type_heading();

    @Message
    String admin_builder_type(QuestionType type);

    @Message
    String admin_builder_required();

    @Message
    String admin_builder_text();

    @Message
    String admin_builder_maxChoices();

    @Message
    String admin_builder_min();

    @Message
    String admin_builder_max();

    @Message
    String admin_builder_maxLength();

    @Message
    String admin_builder_showIf();

    @Message
    String admin_builder_anyOf();

    @Message
    String admin_builder_removeOption();

    @Message
    String admin_builder_addOption();

    @Message
    String admin_builder_removeQuestion();

    @Message
    String admin_builder_newType();

    @Message
    String admin_builder_addQuestion();

    @Message
    String admin_builder_refresh();

    @Message
    String admin_upload_label();

    @Message
    String admin_upload_hint(long maxKb);

    @Message
    String admin_tokens_lastUsed_hint();

    @Message
    String admin_tokens_lastUsed();

    @Message
    String admin_tokens_neverUsed();

    @Message
    String admin_review_byPattern_intro();

    @Message
    String admin_review_pattern();

    @Message
    String admin_review_pattern_hint();

    @Message
    String admin_review_regionCount();

    @Message
    String admin_review_days();

    @Message
    String admin_validation_notJson();

    @Message
    String admin_validation_notADate();

    @Message
    String admin_validation_fileTooLarge(String maxKb);

    @Message
    String admin_validation_fileEmpty();

    @Message
    String admin_validation_fileNotUtf8();

    @Message
    String admin_validation_definitionRequired();

    @Message
    String admin_validation_required();

    @Message
    String admin_validation_slugInvalid(String max);

    @Message
    String admin_validation_languagesRequired();

    @Message
    String admin_validation_languageUnknown(String language);

    @Message
    String admin_validation_languageDuplicate(String language);

    @Message
    String admin_validation_textRequired(String languages);

    @Message
    String admin_validation_translationMissing(String language);

    @Message
    String admin_validation_textTooLong(String max);

    @Message
    String admin_validation_schemeRequired();

    @Message
    String admin_validation_schemeUnknown(String scheme);

    @Message
    String admin_validation_regionsEmpty();

    @Message
    String admin_validation_regionUnknown(String region, String scheme);

    @Message
    String admin_validation_regionDuplicate(String region);

    @Message
    String admin_validation_questionsRequired();

    @Message
    String admin_validation_questionsTooMany(String max);

    @Message
    String admin_validation_questionNotObject();

    @Message
    String admin_validation_questionKeyDuplicate(String key);

    @Message
    String admin_validation_questionKeyInvalid(String max);

    @Message
    String admin_validation_optionKeyInvalid(String max);

    @Message
    String admin_validation_typeUnknown();

    @Message
    String admin_validation_optionsNotAllowed();

    @Message
    String admin_validation_maxChoicesOutOfRange();

    @Message
    String admin_validation_maxChoicesNotAllowed();

    @Message
    String admin_validation_minMaxNotAllowed();

    @Message
    String admin_validation_maxLengthOutOfRange(String max);

    @Message
    String admin_validation_maxLengthNotAllowed();

    @Message
    String admin_validation_scaleMinRequired();

    @Message
    String admin_validation_scaleMaxRequired();

    @Message
    String admin_validation_scaleMaxNotAboveMin();

    @Message
    String admin_validation_scaleTooManyPoints(String max);

    @Message
    String admin_validation_optionsTooFew();

    @Message
    String admin_validation_optionsTooMany(String max);

    @Message
    String admin_validation_optionNotObject();

    @Message
    String admin_validation_optionKeyDuplicate(String key);

    @Message
    String admin_validation_showIfQuestionRequired();

    @Message
    String admin_validation_showIfUnknownQuestion(String question);

    @Message
    String admin_validation_showIfNotAChoice();

    @Message
    String admin_validation_showIfAnyOfRequired();

    @Message
    String admin_validation_showIfUnknownOption(String option, String question);

    @Message
    String admin_validation_minCellSizeOutOfRange();

    @Message
    String admin_validation_valueUnknown(String values);

    @Message
    String admin_refusal_slugTaken(String slug);

    @Message
    String admin_refusal_slugMismatch(String slug);

    @Message
    String admin_refusal_changeNotDraft(String slug, String status);

    @Message
    String admin_refusal_openNotDraft(String slug, String status);

    @Message
    String admin_refusal_closeNotOpen(String slug, String status);

    @Message
    String admin_refusal_tokenNameRequired();

    @Message
    String admin_refusal_tokenRoleUnknown();

    @Message
    String admin_refusal_tokenScopeNotAllowed();

    @Message
    String admin_refusal_tokenExpiryPast();

    @Message
    String admin_refusal_codesCountOutOfRange(String max);

    @Message
    String admin_refusal_codesOpenAccess(String slug);

    @Message
    String admin_refusal_codesSurveyClosed(String slug);

    /** The heading over an open or close the service refused (the survey changed state meanwhile). */
    @Message
    String admin_confirm_refused();

    @Message
    String admin_confirm_back();
}
