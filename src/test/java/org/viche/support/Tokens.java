package org.viche.support;

import static org.viche.support.Api.asAdmin;

import java.util.List;
import java.util.Map;

/** Issues tokens of each role through the admin API. */
public final class Tokens {

    private Tokens() {
    }

    public static String researcher() {
        return asAdmin().body(Map.of("name", "researcher-" + Api.slug("r"), "role", "researcher"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    public static String partner(String... surveys) {
        return asAdmin().body(Map.of("name", "partner-" + Api.slug("p"), "role", "partner", "surveys", List.of(surveys)))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    public static String admin() {
        return asAdmin().body(Map.of("name", "admin-" + Api.slug("a"), "role", "admin"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }
}
