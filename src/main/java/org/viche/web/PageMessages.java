package org.viche.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the citizen pages, in Ukrainian ({@code messages/msg_uk.properties}, the default),
 * Russian and English. Templates call {@code {msg:site_name}}; the template instance's locale
 * (set from the page language) picks the file. A key a template or this interface misses fails
 * the build, and so does a key in a file that this interface lacks.
 *
 * <p>Java code gets the texts of one language with {@link #of(String)}. Texts whose choice depends
 * on data (an error code, an HTTP status) are picked with an explicit {@code switch} over these
 * methods, never by building a key string.
 */
@MessageBundle(value = "msg", locale = "uk")
public interface PageMessages {

    /** The page language this file is written in ({@code uk}, {@code ru}, {@code en}); MessageFilesTest holds it to its file name. */
    @Message
    String language();

    @Message
    String site_name();

    @Message
    String layout_skip();

    @Message
    String layout_languages();

    @Message
    String layout_footer();

    @Message
    String nav_home();

    @Message
    String number_percent(String value);

    @Message
    String quote(String text);

    @Message
    String list_or();

    @Message
    String survey_demo();

    @Message
    String survey_demo_note();

    @Message
    String safety_title();

    @Message
    String safety_anonymous();

    @Message
    String safety_private();

    @Message
    String safety_noTracking();

    @Message
    String safety_identify();

    @Message
    String home_title();

    @Message
    String home_heading();

    @Message
    String home_intro();

    @Message
    String home_open();

    @Message
    String home_none();

    @Message
    String home_answer();

    @Message
    String home_results();

    @Message
    String form_requiredNote();

    @Message
    String form_required();

    @Message
    String form_region_label();

    @Message
    String form_region_hint();

    @Message
    String form_region_choose();

    @Message
    String form_region_notPlaces();

    @Message
    String form_invitation_label();

    @Message
    String form_invitation_hint();

    @Message
    String form_noAnswer();

    @Message
    String form_rank_none();

    @Message
    String form_yourAnswer();

    @Message
    String form_hint_maxChoices(int max);

    @Message
    String form_hint_anyChoices();

    @Message
    String form_hint_ranking(int count);

    @Message
    String form_hint_maxLength(int max);

    @Message
    String form_hint_showIf(int question, String options);

    @Message
    String form_submit();

    @Message
    String form_submit_note();

    @Message
    String form_title_errors(String title);

    @Message
    String form_errors_title();

    @Message
    String form_error_prefix();

    @Message
    String form_summary_question(String number);

    @Message
    String form_summary_region();

    @Message
    String form_summary_invitation();

    @Message
    String error_generic();

    @Message
    String error_required();

    @Message
    String error_region_required();

    @Message
    String error_invitation_required();

    @Message
    String error_notAnObject();

    @Message
    String error_notAnOption();

    @Message
    String error_notAList();

    @Message
    String error_duplicateOption();

    @Message
    String error_tooManyChoices(int max);

    @Message
    String error_notAnInteger(int min, int max);

    @Message
    String error_outOfScale(int min, int max);

    @Message
    String error_notText();

    @Message
    String error_tooLong(int max);

    @Message
    String error_invalidCharacter();

    @Message
    String error_hiddenQuestion(int question, String options);

    @Message
    String error_unknownQuestion();

    @Message
    String error_unknownRegion();

    @Message
    String error_unknownLanguage();

    @Message
    String error_duplicateRank();

    @Message
    String error_invalidRank(int count);

    @Message
    String error_invitationRequired();

    @Message
    String error_invitationInvalid();

    @Message
    String closed_title();

    @Message
    String closed_text();

    @Message
    String closed_results();

    @Message
    String thanks_title();

    @Message
    String thanks_heading();

    @Message
    String thanks_recorded();

    @Message
    String thanks_receipt_title();

    @Message
    String thanks_receipt_copy();

    @Message
    String thanks_what_title();

    @Message
    String thanks_what_text();

    @Message
    String thanks_what_noAnswers();

    @Message
    String thanks_safety();

    @Message
    String thanks_results();

    @Message
    String results_title(String title);

    @Message
    String results_heading();

    @Message
    String results_asOf(String time);

    @Message
    String results_responses(String count);

    @Message
    String results_notPublished();

    @Message
    String results_noAnswers();

    @Message
    String results_noAnswers_closed();

    @Message
    String results_answeredBy(String count);

    @Message
    String results_chart_choice(int number);

    @Message
    String results_chart_scale(int number);

    @Message
    String results_chart_ranking(int number);

    @Message
    String results_table_caption(int number);

    @Message
    String results_table_region();

    @Message
    String results_table_n();

    @Message
    String results_table_mean();

    @Message
    String results_table_median();

    @Message
    String results_table_notPlaces(String names);

    @Message
    String results_row_all();

    @Message
    String results_row_weighted();

    @Message
    String results_neff(String count, long n);

    @Message
    String results_suppressed(int min);

    @Message
    String results_noneFrom_summary(int count);

    @Message
    String results_cell_choice();

    @Message
    String results_cell_scale();

    @Message
    String results_note_multiple();

    @Message
    String results_note_ranking(int firstPlace);

    @Message
    String results_note_text();

    @Message
    String results_points(String score);

    @Message
    String results_methodology_title();

    @Message
    String results_methodology_sponsor();

    @Message
    String results_methodology_population();

    @Message
    String results_methodology_recruitment();

    @Message
    String results_methodology_mode();

    @Message
    String results_methodology_limitations();

    @Message
    String results_methodology_fieldDates();

    @Message
    String results_methodology_since(String from);

    @Message
    String results_methodology_range(String from, String to);

    @Message
    String results_methodology_authors();

    @Message
    String results_methodology_weighting();

    @Message
    String results_methodology_suppression(int min);

    @Message
    String results_methodology_optIn();

    @Message
    String results_methodology_intervals();

    @Message
    String results_sample_title();

    @Message
    String results_sample_hidden();

    @Message
    String results_sample_count();

    @Message
    String results_download_title();

    @Message
    String results_download_csv();

    @Message
    String results_download_json();

    @Message
    String results_answer();

    @Message
    String errorpage_code(int status);

    @Message
    String errorpage_home();

    @Message
    String errorpage_title_400();

    @Message
    String errorpage_text_400();

    @Message
    String errorpage_title_403();

    @Message
    String errorpage_text_403();

    @Message
    String errorpage_title_404();

    @Message
    String errorpage_text_404();

    @Message
    String errorpage_title_405();

    @Message
    String errorpage_text_405();

    @Message
    String errorpage_title_409();

    @Message
    String errorpage_text_409();

    @Message
    String errorpage_title_413();

    @Message
    String errorpage_text_413();

    @Message
    String errorpage_title_415();

    @Message
    String errorpage_text_415();

    @Message
    String errorpage_title_429();

    @Message
    String errorpage_text_429();

    @Message
    String errorpage_title_4xx();

    @Message
    String errorpage_text_4xx();

    @Message
    String errorpage_title_500();

    @Message
    String errorpage_text_500();

    @Message
    String layout_verify();

    @Message
    String form_honeypot();

    @Message
    String form_expired();

    @Message
    String error_invitationMalformed();

    @Message
    String error_formRefused();

    @Message
    String thanks_verify();

    @Message
    String verify_title();

    @Message
    String verify_heading();

    @Message
    String verify_intro();

    @Message
    String verify_label();

    @Message
    String verify_hint();

    @Message
    String verify_hint_example();

    @Message
    String verify_submit();

    @Message
    String verify_privacy();

    @Message
    String verify_result();

    @Message
    String verify_malformed();

    @Message
    String verify_unknown();

    @Message
    String verify_counted();

    @Message
    String verify_counted_yes();

    @Message
    String verify_sealed();

    @Message
    String verify_sealed_yes(long seal);

    @Message
    String verify_sealed_no();

    @Message
    String verify_proof();

    @Message
    String verify_proof_yes();

    @Message
    String verify_proof_no();

    @Message
    String verify_proof_pending();

    @Message
    String verify_seal_title();

    @Message
    String verify_seal_id();

    @Message
    String verify_seal_time();

    @Message
    String verify_seal_size();

    @Message
    String verify_seal_root();

    @Message
    String verify_seal_previous();

    @Message
    String verify_leaf();

    @Message
    String verify_proof_caption();

    @Message
    String verify_proof_step();

    @Message
    String verify_proof_side();

    @Message
    String verify_proof_hash();

    @Message
    String verify_proof_left();

    @Message
    String verify_proof_right();

    @Message
    String verify_proof_empty();

    @Message
    String verify_diy_title();

    @Message
    String verify_diy_intro();

    @Message
    String verify_diy_step1();

    @Message
    String verify_diy_proofLink();

    @Message
    String verify_diy_sealsLink();

    @Message
    String verify_diy_step2();

    @Message
    String verify_diy_step3();

    @Message
    String verify_diy_step4();

    @Message
    String verify_diy_leaf();

    @Message
    String verify_diy_tool();

    @Message
    String quickExit_label();

    @Message
    String quickExit_title();

    @Message
    String results_caption_choice(String count);

    @Message
    String results_caption_scale(String count);

    @Message
    String results_caption_ranking(String count);

    @Message
    String results_caption_whiskers();

    @Message
    String results_hidden(String names);

    @Message
    String disclosure_limitations_open();

    @Message
    String disclosure_limitations_token();

    @Message
    String disclosure_perturbation();

    @Message
    String disclosure_exact();

    @Message
    String results_perturbed();

    @Message
    String results_responsesHidden(int min);

    @Message
    String results_suppressed_possiblyNone(int min);

    @Message
    String results_row_weightedPooled(String names);

    @Message
    String results_weighted_mean(String mean, String error);

    @Message
    String results_weighted_none();

    @Message
    String results_weighted_excluded();

    @Message
    String results_methodology_conductedBy();

    @Message
    String results_methodology_perturbationTable();

    @Message
    String results_download_codebook();
}
