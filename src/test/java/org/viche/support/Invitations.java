package org.viche.support;

import static org.viche.support.Api.asAdmin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** TOKEN surveys and their invitation codes, through the admin API. */
public final class Invitations {

    private Invitations() {
    }

    /** Creates and opens {@link Api#survey} with access TOKEN; returns its slug. */
    public static String openTokenSurvey(String prefix) {
        String slug = Api.slug(prefix);
        Map<String, Object> definition = new HashMap<>(Api.survey(slug, List.of("UA-14")));
        definition.put("access", "TOKEN");
        asAdmin().body(definition).post("/api/v1/surveys").then().statusCode(201);
        asAdmin().post("/api/v1/surveys/" + slug + "/open").then().statusCode(200);
        return slug;
    }

    public static List<String> codes(String slug, int count) {
        return asAdmin().body(Map.of("count", count)).post("/api/v1/surveys/" + slug + "/invitations")
                .then().statusCode(201).extract().jsonPath().getList("codes", String.class);
    }
}
