package org.viche.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The results page as last rendered, per survey and language, for as long as it shows the same
 * published snapshot. After a broadcast links the page, a crowd reads it: building and rendering
 * it for every reader cost ten times what reading the figures did. Only public surveys reach
 * here (unknown slugs are refused before), so the pages kept are a few per survey.
 */
@ApplicationScoped
class RenderedResultsPages {

    private record Key(String slug, String language) {
    }

    private record Rendered(Object version, String html) {
    }

    private final Map<Key, Rendered> pages = new ConcurrentHashMap<>();

    /**
     * @param version what the page shows, compared with {@code equals}: a different version renders anew
     */
    String get(String slug, String language, Object version, Supplier<String> render) {
        Key key = new Key(slug, language);
        Rendered rendered = pages.get(key);
        if (rendered != null && rendered.version().equals(version)) {
            return rendered.html();
        }
        String html = render.get();
        pages.put(key, new Rendered(version, html));
        return html;
    }
}
