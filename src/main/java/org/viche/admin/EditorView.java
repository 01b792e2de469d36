package org.viche.admin;

import java.util.ArrayList;
import java.util.List;

import org.viche.error.FieldError;
import org.viche.survey.QuestionType;
import org.viche.survey.SurveyDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The structured editor's page, built from the definition's JSON: each input carries its JSON
 * path as its name, each text its three languages side by side (an empty one in a language the
 * survey offers is flagged), and each validator error sits beside the input its path names.
 */
public record EditorView(String existing, String slug, List<LangText> title, List<LangText> description, List<Choice> languages,
        String regionScheme, String regions, String access, String visibility, String minCellSize, List<LangText> methodology,
        List<QuestionView> questions, List<Choice> types, List<FieldError> errors) {

    public record LangText(String name, String id, String lang, String value, boolean untranslated) {
    }

    public record Choice(String value, boolean checked) {
        /** For the question-type choices: the type {@code {console:admin_builder_type(t.questionType)}} labels. */
        public QuestionType questionType() {
            return QuestionType.valueOf(value);
        }
    }

    public record OptionView(int index, String prefix, String key, List<LangText> text) {
    }

    public record QuestionView(int index, String prefix, String key, String type, boolean required, List<LangText> text,
            String maxChoices, String min, String max, String maxLength, String showIfQuestion, String showIfAnyOf,
            List<OptionView> options, boolean choices) {
    }

    /** The methodology statement's fields (statistics.md, AAPOR disclosure), each a text per language. */
    static final List<String> METHODOLOGY = List.of("sponsor", "conductedBy", "population", "recruitment", "mode",
            "limitations");

    static EditorView of(String existing, ObjectNode d, List<FieldError> errors) {
        List<String> offered = new ArrayList<>();
        d.path("languages").forEach(l -> offered.add(l.asText()));
        if (offered.isEmpty()) {
            offered.addAll(SurveyDefinition.SUPPORTED_LANGUAGES);
        }
        List<QuestionView> questions = new ArrayList<>();
        JsonNode qs = d.path("questions");
        for (int i = 0; i < qs.size(); i++) {
            JsonNode q = qs.get(i);
            String prefix = "questions[" + i + "]";
            List<OptionView> options = new ArrayList<>();
            for (int j = 0; j < q.path("options").size(); j++) {
                JsonNode o = q.path("options").get(j);
                String op = prefix + ".options[" + j + "]";
                options.add(new OptionView(j, op, o.path("key").asText(""), texts(op + ".text", o.path("text"), offered)));
            }
            String type = q.path("type").asText("SINGLE_CHOICE");
            List<String> anyOf = new ArrayList<>();
            q.path("showIf").path("anyOf").forEach(a -> anyOf.add(a.asText()));
            questions.add(new QuestionView(i, prefix, q.path("key").asText(""), type, q.path("required").asBoolean(false),
                    texts(prefix + ".text", q.path("text"), offered), number(q, "maxChoices"), number(q, "min"),
                    number(q, "max"), number(q, "maxLength"), q.path("showIf").path("question").asText(""),
                    String.join(", ", anyOf), options, !type.equals("SCALE") && !type.equals("TEXT")));
        }
        List<String> regions = new ArrayList<>();
        d.path("regions").forEach(r -> regions.add(r.asText()));
        List<LangText> methodology = new ArrayList<>();
        for (String field : METHODOLOGY) {
            // each text in every language side by side, like every other text of the definition;
            // "lang" here labels the input with its field and language
            for (LangText t : texts("methodology." + field, d.path("methodology").path(field), offered)) {
                methodology.add(new LangText(t.name(), t.id(), field + " (" + t.lang() + ")", t.value(), t.untranslated()));
            }
        }
        List<Choice> languages = SurveyDefinition.SUPPORTED_LANGUAGES.stream()
                .map(l -> new Choice(l, d.path("languages").isMissingNode() || offered.contains(l))).toList();
        List<Choice> types = java.util.Arrays.stream(QuestionType.values()).map(t -> new Choice(t.name(), false)).toList();
        return new EditorView(existing, d.path("slug").asText(""), texts("title", d.path("title"), offered),
                texts("description", d.path("description"), List.of()), languages, d.path("regionScheme").asText("UA"),
                String.join(", ", regions), d.path("access").asText("OPEN"), d.path("results").path("visibility").asText("LIVE"),
                number(d.path("results"), "minCellSize"), methodology, questions, types, errors);
    }

    private static List<LangText> texts(String name, JsonNode values, List<String> offered) {
        List<LangText> texts = new ArrayList<>();
        for (String lang : SurveyDefinition.SUPPORTED_LANGUAGES) {
            String value = values.path(lang).asText("");
            texts.add(new LangText(name + "." + lang, id(name + "." + lang), lang, value,
                    value.isBlank() && offered.contains(lang)));
        }
        return texts;
    }

    private static String number(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).asText() : "";
    }

    /** The problems the validator found at exactly this path. */
    public List<String> errorsAt(String path) {
        return errors.stream().filter(e -> path.equals(e.field())).map(FieldError::message).toList();
    }

    /** Problems inside one question or option that no single input shows (its whole options list, say). */
    public List<String> errorsWithin(String prefix) {
        return errors.stream().filter(e -> e.field() != null && e.field().startsWith(prefix)).map(e -> e.field() + ": " + e.message())
                .toList();
    }

    public record ErrorLink(String href, String text) {
    }

    /** Every problem, each linking to its input (or to its question when no input has its path). */
    public List<ErrorLink> summary() {
        return errors.stream().map(e -> new ErrorLink("#" + target(e.field()),
                (e.field() == null ? "" : e.field() + ": ") + e.message())).toList();
    }

    private static final java.util.regex.Pattern QUESTION = java.util.regex.Pattern.compile("^questions\\[\\d+]");

    /** Where an error's link leads: its input, else the question it is in, else the nearest input. */
    static String target(String field) {
        if (field == null || field.isBlank()) {
            return "slug";
        }
        java.util.regex.Matcher question = QUESTION.matcher(field);
        if (question.find()) {
            return id(question.group());
        }
        if (field.startsWith("title") || field.startsWith("description")) {
            return id(field.contains(".") ? field : field + ".uk");
        }
        if (field.startsWith("regions")) {
            return "regions";
        }
        if (field.startsWith("languages")) {
            return "languages-uk";
        }
        return id(field);
    }

    /** The id of the input named by a JSON path; a path to a list points at the list's first input. */
    static String id(String path) {
        return path.replaceAll("[^A-Za-z0-9-]", "-");
    }

    public String idOf(String path) {
        return id(path);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
