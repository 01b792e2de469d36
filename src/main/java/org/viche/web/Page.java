package org.viche.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the layout needs to frame any page: its language, its title, and links to the same
 * page in the other languages it can be read in. Links keep the page's own query parameters
 * (a receipt, for example) so switching language never loses the reader's place.
 */
public record Page(String lang, String title, List<LanguageLink> languages) {

    /** Language names as their speakers write them: a switcher must be readable by those who need it. */
    static final Map<String, String> ENDONYMS = Map.of("uk", "Українська", "ru", "Русский", "en", "English");

    public record LanguageLink(String code, String name, String href, boolean current) {
    }

    public static Page of(String lang, String title, String path, Map<String, String> query, List<String> languages) {
        List<LanguageLink> links = new ArrayList<>();
        for (String code : languages) {
            Map<String, String> params = new LinkedHashMap<>(query);
            params.put("lang", code);
            links.add(new LanguageLink(code, ENDONYMS.getOrDefault(code, code), href(path, params), code.equals(lang)));
        }
        return new Page(lang, title, links);
    }

    /** {@code path?k=v&…} with every value URL-encoded. */
    public static String href(String path, Map<String, String> query) {
        StringBuilder href = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            href.append(separator).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return href.toString();
    }

    static String href(String path, String lang) {
        return href(path, Map.of("lang", lang));
    }
}
