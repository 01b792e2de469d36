package org.viche.support;

import static org.viche.support.Api.asAdmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Reads the whole audit log through its API cursor, as an admin would. */
public final class AuditTrail {

    private AuditTrail() {
    }

    public static List<Map<String, Object>> all() {
        List<Map<String, Object>> events = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonPath page = asAdmin().get("/api/v1/audit?limit=1000&after=" + after).then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> more = page.getList("events");
            if (more.isEmpty()) {
                return events;
            }
            events.addAll(more);
            after = ((Number) more.get(more.size() - 1).get("id")).longValue();
        }
    }

    /** The id of the newest entry (0 when the log is empty). */
    public static long lastId() {
        List<Map<String, Object>> events = all();
        return events.isEmpty() ? 0 : ((Number) events.get(events.size() - 1).get("id")).longValue();
    }

    public static List<Map<String, Object>> about(String subject) {
        return all().stream().filter(e -> subject.equals(e.get("subject"))).toList();
    }
}
