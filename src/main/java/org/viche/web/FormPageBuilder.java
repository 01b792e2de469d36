package org.viche.web;

import java.text.Collator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.viche.error.FieldError;
import org.viche.region.Region;
import org.viche.region.RegionCatalog;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveyDefinition.Option;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveySnapshot;
import org.viche.web.FormPage.Choice;
import org.viche.web.FormPage.QuestionField;
import org.viche.web.FormPage.RankRow;
import org.viche.web.FormPage.SelectOption;
import org.viche.web.FormPage.SummaryItem;

/**
 * Builds the form's view from a survey definition, the values a person submitted (empty for a
 * fresh form) and the errors found in them. Everything a person entered is put back, so a
 * refused submission never costs them their answers.
 */
@ApplicationScoped
public class FormPageBuilder {

    @Inject
    RegionCatalog regions;

    /** A blank form per open survey (by its slug and opening) and language: the same for every citizen. */
    private record BlankKey(String slug, OffsetDateTime openedAt, String language) {
    }

    private final Map<BlankKey, FormPage> blanks = new ConcurrentHashMap<>();

    /**
     * The form with nothing entered. Built once per open survey and language: an open survey's
     * definition no longer changes, and building it (every region's label in the language,
     * every question's hints) was a sixth of what a citizen's visit cost the service.
     */
    public FormPage blank(SurveySnapshot survey, PageMessages msg) {
        if (survey.openedAt() == null) { // a draft being previewed: its definition may still change
            return build(survey, msg, new MultivaluedHashMap<>(), List.of());
        }
        if (blanks.size() > MAX_BLANKS) {
            blanks.clear(); // far more than the open surveys of any deployment: forms of surveys long closed
        }
        return blanks.computeIfAbsent(new BlankKey(survey.slug(), survey.openedAt(), msg.language()),
                key -> build(survey, msg, new MultivaluedHashMap<>(), List.of()));
    }

    private static final int MAX_BLANKS = 3_000;

    FormPage build(SurveySnapshot survey, PageMessages msg, MultivaluedMap<String, String> submitted, List<FieldError> errors) {
        SurveyDefinition d = survey.definition();
        String lang = msg.language();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < d.questionList().size(); i++) {
            numbers.put(d.questionList().get(i).key(), i + 1);
        }
        ErrorTexts texts = new ErrorTexts(msg, d, numbers, survey.firstLanguage());
        Map<String, List<String>> messages = messagesByField(errors, texts);
        Form form = new Form(survey, msg, lang, submitted, messages, numbers, texts);

        QuestionField region = form.region();
        QuestionField invitation = d.accessMode() == SurveyDefinition.AccessMode.TOKEN ? form.invitation() : null;
        List<QuestionField> questions = d.questionList().stream().map(form::question).toList();

        List<SummaryItem> summary = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        addToSummary(summary, shown, region, msg.form_summary_region(), messages);
        if (invitation != null) {
            addToSummary(summary, shown, invitation, msg.form_summary_invitation(), messages);
        }
        for (QuestionField q : questions) {
            addToSummary(summary, shown, q, msg.form_summary_question(q.number()), messages);
        }
        messages.forEach((field, list) -> {
            if (!shown.contains(field)) {
                list.forEach(text -> summary.add(new SummaryItem(null, text)));
            }
        });
        return new FormPage(SurveyHead.of(survey, lang), Page.href("/s/" + survey.slug(), lang),
                region, invitation, questions, summary, null);
    }

    /** Translated messages per field, one per distinct code (a list answer can fail the same way twice). */
    private static Map<String, List<String>> messagesByField(List<FieldError> errors, ErrorTexts texts) {
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        Map<String, List<String>> messages = new LinkedHashMap<>();
        for (FieldError e : errors) {
            String field = e.field() == null ? "" : e.field();
            if (codes.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(e.code())) {
                messages.computeIfAbsent(field, f -> new ArrayList<>()).add(texts.describe(e));
            }
        }
        return messages;
    }

    private static void addToSummary(List<SummaryItem> summary, Set<String> shown, QuestionField field, String label,
            Map<String, List<String>> messages) {
        if (field.invalid()) {
            field.errors().forEach(text -> summary.add(new SummaryItem("#" + field.anchor(), label + ": " + text)));
        }
        if (messages.containsKey(field.name())) {
            shown.add(field.name());
        }
    }

    /** One form being built: the survey, the page language and what was submitted. */
    private final class Form {
        private final SurveySnapshot survey;
        private final PageMessages msg;
        private final String lang;
        private final MultivaluedMap<String, String> submitted;
        private final Map<String, List<String>> messages;
        private final Map<String, Integer> numbers;
        private final ErrorTexts texts;

        Form(SurveySnapshot survey, PageMessages msg, String lang, MultivaluedMap<String, String> submitted,
                Map<String, List<String>> messages, Map<String, Integer> numbers, ErrorTexts texts) {
            this.survey = survey;
            this.msg = msg;
            this.lang = lang;
            this.submitted = submitted;
            this.messages = messages;
            this.numbers = numbers;
            this.texts = texts;
        }

        QuestionField region() {
            String chosen = FormAnswers.field(submitted, FormFields.REGION);
            Collator collator = Collator.getInstance(PageTexts.locale(msg));
            List<SelectOption> options = new ArrayList<>();
            options.add(new SelectOption("", msg.form_region_choose(), chosen == null));
            List<Region> offered = regions.scheme(survey.definition().regionScheme())
                    .map(scheme -> scheme.regions().stream().filter(r -> survey.regionCodes().contains(r.code())).toList())
                    .orElse(List.of());
            // Places in the reader's alphabetical order; the answers that are not places
            // ("outside Ukraine", "prefer not to say") after them, in the scheme's order.
            Stream.concat(offered.stream().filter(Region::isPlace).sorted(Comparator.comparing((Region r) -> r.name(lang), collator)),
                    offered.stream().filter(r -> !r.isPlace()))
                    .forEach(r -> options.add(new SelectOption(r.code(), r.name(lang), r.code().equals(chosen))));
            List<String> hints = new ArrayList<>(List.of(msg.form_region_hint()));
            if (offered.stream().anyMatch(r -> !r.isPlace())) {
                hints.add(msg.form_region_notPlaces());
            }
            return field("region", FormFields.REGION, FormFields.REGION, "", msg.form_region_label(), true, true,
                    hints, FormFields.REGION,
                    List.of(), List.of(), options, null, null);
        }

        QuestionField invitation() {
            String value = submitted.getFirst(FormFields.INVITATION);
            return field("invitation", FormFields.INVITATION, FormFields.INVITATION, "", msg.form_invitation_label(),
                    true, true, List.of(msg.form_invitation_hint()), FormFields.INVITATION,
                    List.of(), List.of(), List.of(), value == null ? "" : value, 100);
        }

        QuestionField question(Question q) {
            String number = String.valueOf(numbers.get(q.key()));
            String legend = localized(q.text());
            boolean htmlRequired = q.isRequired() && q.showIf() == null;
            List<String> hints = hints(q);
            return switch (q.questionType()) {
                case SINGLE_CHOICE -> field("choice", FormFields.id(q), FormFields.name(q), number, legend,
                        q.isRequired(), htmlRequired, hints, null,
                        withNoAnswer(q, optionChoices(q)), List.of(), List.of(), null, null);
                case MULTIPLE_CHOICE -> field("multiple", FormFields.id(q), FormFields.name(q), number, legend,
                        q.isRequired(), false, hints, null,
                        optionChoices(q), List.of(), List.of(), null, null);
                case SCALE -> field("scale", FormFields.id(q), FormFields.name(q), number, legend,
                        q.isRequired(), htmlRequired, hints, null,
                        withNoAnswer(q, scaleChoices(q)), List.of(), List.of(), null, null);
                case RANKING -> field("ranking", FormFields.id(q), FormFields.name(q), number, legend,
                        q.isRequired(), false, hints, null,
                        List.of(), rankRows(q), List.of(), null, null);
                case TEXT -> field("text", FormFields.id(q), FormFields.name(q), number, legend,
                        q.isRequired(), htmlRequired, hints, FormFields.id(q) + "-text",
                        List.of(), List.of(), List.of(), textValue(q), q.effectiveMaxLength());
            };
        }

        /** Assembles a field and the ids that tie its hint and error to it for assistive technology. */
        private QuestionField field(String widget, String id, String name, String number, String legend,
                boolean required, boolean htmlRequired, List<String> hints, String controlId, List<Choice> choices,
                List<RankRow> ranks, List<SelectOption> options, String value, Integer maxLength) {
            List<String> errors = messages.getOrDefault(name, List.of());
            String hintId = hints.isEmpty() ? null : id + "-hint";
            String errorId = errors.isEmpty() ? null : id + "-error";
            String describedBy = String.join(" ", Stream.of(hintId, errorId).filter(Objects::nonNull).toList());
            String firstInput = controlId != null ? controlId
                    : !choices.isEmpty() ? choices.get(0).id()
                    : !ranks.isEmpty() ? ranks.get(0).id() : id;
            return new QuestionField(widget, id, name, number, legend, required, htmlRequired, hints, hintId, errors,
                    errorId, describedBy.isEmpty() ? null : describedBy, firstInput,
                    choices, ranks, options, value, maxLength);
        }

        private List<String> hints(Question q) {
            List<String> hints = new ArrayList<>();
            if (q.help() != null && !q.help().isEmpty()) {
                hints.add(localized(q.help()));
            }
            if (q.showIf() != null) {
                survey.definition().question(q.showIf().question()).ifPresent(controlling -> hints.add(
                        msg.form_hint_showIf(numbers.get(controlling.key()),
                                texts.optionList(controlling, q.showIf().anyOf()))));
            }
            switch (q.questionType()) {
                case MULTIPLE_CHOICE -> hints.add(q.effectiveMaxChoices() < q.optionList().size()
                        ? msg.form_hint_maxChoices(q.effectiveMaxChoices())
                        : msg.form_hint_anyChoices());
                case RANKING -> hints.add(msg.form_hint_ranking(q.optionList().size()));
                case TEXT -> hints.add(msg.form_hint_maxLength(q.effectiveMaxLength()));
                default -> {
                }
            }
            return hints;
        }

        private List<Choice> optionChoices(Question q) {
            List<String> chosen = values(FormFields.name(q));
            return q.optionList().stream().map(o -> new Choice(FormFields.inputId(q, o.key()), o.key(),
                    localized(o.text()), null, chosen.contains(o.key()))).toList();
        }

        private List<Choice> scaleChoices(Question q) {
            List<String> chosen = values(FormFields.name(q));
            List<Choice> choices = new ArrayList<>();
            for (int v = q.min(); v <= q.max(); v++) {
                String detail = v == q.min() ? localized(q.minLabel()) : v == q.max() ? localized(q.maxLabel()) : null;
                String value = String.valueOf(v);
                choices.add(new Choice(FormFields.inputId(q, value), value, value,
                        detail == null || detail.isEmpty() ? null : detail, chosen.contains(value)));
            }
            return choices;
        }

        /** An optional radio group gets a way back out: without JavaScript a chosen radio cannot be cleared. */
        private List<Choice> withNoAnswer(Question q, List<Choice> choices) {
            if (q.isRequired() && q.showIf() == null) {
                return choices;
            }
            List<Choice> all = new ArrayList<>(choices);
            List<String> raw = submitted.getOrDefault(FormFields.name(q), List.of());
            all.add(new Choice(FormFields.inputId(q, ""), "", msg.form_noAnswer(), null, raw.contains("")));
            return all;
        }

        private List<RankRow> rankRows(Question q) {
            int size = q.optionList().size();
            List<RankRow> rows = new ArrayList<>();
            for (Option o : q.optionList()) {
                String name = FormFields.rankName(q, o);
                String chosen = submitted.getFirst(name);
                List<SelectOption> positions = new ArrayList<>();
                positions.add(new SelectOption("", msg.form_rank_none(), chosen == null || chosen.isBlank()));
                for (int p = 1; p <= size; p++) {
                    String value = String.valueOf(p);
                    positions.add(new SelectOption(value, value, value.equals(chosen)));
                }
                rows.add(new RankRow(FormFields.inputId(q, o.key()), name, localized(o.text()), positions));
            }
            return rows;
        }

        private String textValue(Question q) {
            String value = submitted.getFirst(FormFields.name(q));
            return value == null ? "" : value;
        }

        private List<String> values(String name) {
            List<String> values = submitted.get(name);
            return values == null ? List.of() : values;
        }

        private String localized(Map<String, String> texts) {
            return TextExtensions.localized(texts, lang, survey.firstLanguage());
        }
    }
}
