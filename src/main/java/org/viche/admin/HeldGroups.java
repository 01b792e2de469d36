package org.viche.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.viche.quarantine.QuarantineReason;
import org.viche.quarantine.QuarantineService;

/**
 * Held responses folded into what a reviewer decides on: one group per reason, region and day
 * (a burst is one pattern), with its count. Ids stay out of the page; no answer is ever shown.
 */
final class HeldGroups {

    public record Group(String key, String reason, String region, String day, int count) {
        /** Why the group is held, as {@code {console:admin_review_reason(g.cause)}} labels it. */
        public QuarantineReason cause() {
            return QuarantineReason.valueOf(reason);
        }
    }

    private HeldGroups() {
    }

    static String key(QuarantineService.Held held) {
        return held.reason().name() + "|" + held.region() + "|" + day(held);
    }

    static List<Group> of(List<QuarantineService.Held> held) {
        Map<String, List<QuarantineService.Held>> byKey = new LinkedHashMap<>();
        held.forEach(h -> byKey.computeIfAbsent(key(h), k -> new ArrayList<>()).add(h));
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, members) -> {
            QuarantineService.Held first = members.get(0);
            groups.add(new Group(key, first.reason().name(), first.region(), day(first).toString(), members.size()));
        });
        return groups;
    }

    static List<UUID> members(List<QuarantineService.Held> held, String key) {
        return held.stream().filter(h -> key(h).equals(key)).map(QuarantineService.Held::id).toList();
    }

    private static LocalDate day(QuarantineService.Held held) {
        return held.submittedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
