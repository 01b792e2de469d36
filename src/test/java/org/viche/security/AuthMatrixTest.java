package org.viche.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.viche.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Walks every operation of the OpenAPI document. An operation is either on the short list
 * of public ones below, or it must declare the roles it allows (as bearer scopes) and then
 * answer 401 without a token or with a garbage one, and 403 for every other role. A new
 * endpoint without protection is not on the list and fails here.
 */
@QuarkusTest
class AuthMatrixTest {

    /** Operations anyone may call (api.md). Adding to this list is a security decision. */
    static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/regions",
            "GET /api/v1/regions/{scheme}",
            "GET /api/v1/surveys",
            "GET /api/v1/surveys/{slug}",
            "POST /api/v1/surveys/{slug}/responses",
            "GET /api/v1/surveys/{slug}/results",
            "GET /api/v1/surveys/{slug}/results.csv",
            "GET /api/v1/receipts/{receipt}",
            "GET /api/v1/surveys/{slug}/seals",
            "GET /api/v1/surveys/{slug}/codebook",
            "GET /api/v1/surveys/{slug}/datapackage.json");

    record Operation(String method, String path, List<String> roles) {
        String name() {
            return method + " " + path;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Operation> operations() {
        Map<String, Object> document = given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, methods) -> methods.forEach((method, spec) -> {
            if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                return;
            }
            List<String> roles = new ArrayList<>();
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) ((Map<String, Object>) spec)
                    .get("security");
            if (security != null) {
                security.forEach(requirement -> requirement.values().forEach(roles::addAll));
            }
            operations.add(new Operation(method.toUpperCase(), path, roles));
        }));
        return operations;
    }

    private static String concrete(String path) {
        return path.replace("{slug}", "demo-disputed-regions").replace("{scheme}", "UA")
                .replace("{id}", UUID.randomUUID().toString()).replaceAll("\\{[^}]+}", "x");
    }

    private static int call(Operation op, String token) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (op.method().equals("POST") || op.method().equals("PUT") || op.method().equals("PATCH")) {
            request.body("{}");
        }
        return request.request(op.method(), concrete(op.path())).statusCode();
    }

    @Test
    void everyOperationIsPublicByDecisionOrProtectedForItsRoles() {
        List<Operation> operations = operations();
        assertTrue(operations.size() >= 10, "the walk found the API: " + operations);
        Map<String, String> tokens = new HashMap<>();
        tokens.put(Roles.ADMIN, Tokens.admin());
        tokens.put(Roles.RESEARCHER, Tokens.researcher());
        tokens.put(Roles.PARTNER, Tokens.partner("demo-disputed-regions"));
        List<String> failures = new ArrayList<>();
        for (Operation op : operations) {
            if (PUBLIC.contains(op.name())) {
                if (!op.roles().isEmpty()) {
                    failures.add(op.name() + " is public but documents roles " + op.roles());
                }
                continue;
            }
            if (op.roles().isEmpty()) {
                failures.add(op.name() + " is neither on the public list nor documents the roles it allows");
                continue;
            }
            expect(failures, op, null, 401);
            expect(failures, op, "viche_garbage", 401);
            for (String role : Roles.ALL) {
                if (!op.roles().contains(role)) {
                    expect(failures, op, tokens.get(role), 403);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private static void expect(List<String> failures, Operation op, String token, int status) {
        int actual = call(op, token);
        if (actual != status) {
            failures.add(op.name() + " with " + (token == null ? "no token" : token.startsWith("viche_garbage")
                    ? "a garbage token" : "a wrong role") + ": " + actual + " instead of " + status);
        }
    }

    @Test
    void publicListNamesOnlyOperationsThatExist() {
        Set<String> names = new java.util.HashSet<>();
        operations().forEach(op -> names.add(op.name()));
        for (String name : PUBLIC) {
            assertTrue(names.contains(name), name + " is not an operation any more: update the list");
        }
        assertFalse(names.isEmpty());
    }
}
