package org.viche.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pages (or parts of them) as last rendered, per kind, survey and language, for as long as what
 * they show is the same. A crowd comes at once — a broadcast links the form or the results — and
 * rendering was most of what a reader or a citizen's first request cost: the results page once per
 * published snapshot, a blank form's questions once per survey. Only public surveys reach here
 * (unknown slugs are refused before), so the pages kept are a few per survey.
 */
@ApplicationScoped
class RenderedPages {

    /** What is rendered: the results page, or the questions of a blank form. */
    enum Kind {
        RESULTS, BLANK_FORM_QUESTIONS
    }

    private record Key(Kind kind, String slug, String language) {
    }

    private record Rendered(Object version, String html) {
    }

    private final Map<Key, Rendered> pages = new ConcurrentHashMap<>();

    /**
     * @param version what the page shows, compared with {@code equals}: a different version renders anew
     */
    String get(Kind kind, String slug, String language, Object version, Supplier<String> render) {
        Key key = new Key(kind, slug, language);
        Rendered rendered = pages.get(key);
        if (rendered != null && rendered.version().equals(version)) {
            return rendered.html();
        }
        String html = render.get();
        pages.put(key, new Rendered(version, html));
        return html;
    }
}
