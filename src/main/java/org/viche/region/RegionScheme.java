package org.viche.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A named set of regions (e.g. {@code UA}: Ukraine's ISO 3166-2 subdivisions), in file order. */
public record RegionScheme(String code, List<Region> regions) {

    public RegionScheme {
        regions = List.copyOf(regions);
    }

    public Optional<Region> region(String regionCode) {
        return regions.stream().filter(r -> r.code().equals(regionCode)).findFirst();
    }

    public boolean contains(String regionCode) {
        return region(regionCode).isPresent();
    }

    /** N_h per place: the populations weighting uses (the answers that are not places have none). */
    public Map<String, Long> populations() {
        Map<String, Long> map = new LinkedHashMap<>();
        regions.stream().filter(Region::isPlace).forEach(r -> map.put(r.code(), r.population()));
        return map;
    }

    public Map<String, Region> byCode() {
        Map<String, Region> map = new LinkedHashMap<>();
        regions.forEach(r -> map.put(r.code(), r));
        return map;
    }
}
