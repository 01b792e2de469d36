package org.viche.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.config.VicheConfig;

/**
 * Every region scheme this instance knows. Schemes are data: the bundled {@code UA} scheme
 * comes from {@code regions/UA.csv}; operators can add or replace schemes by dropping
 * {@code <SCHEME>.csv} files into {@code viche.regions.directory}.
 */
@ApplicationScoped
public class RegionCatalog {

    static final String[] BUNDLED = {"UA"};

    @Inject
    VicheConfig config;

    private final Map<String, RegionScheme> schemes = new TreeMap<>();

    /** The bundled schemes only, for code (and tests) running without the container. */
    public static RegionCatalog bundled() {
        RegionCatalog catalog = new RegionCatalog();
        catalog.loadBundled();
        return catalog;
    }

    @PostConstruct
    void load() {
        loadBundled();
        config.regions().directory().map(Path::of).ifPresent(this::loadDirectory);
    }

    private void loadBundled() {
        for (String code : BUNDLED) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("regions/" + code + ".csv")) {
                if (in == null) {
                    throw new IllegalStateException("Bundled region scheme missing: " + code);
                }
                schemes.put(code, RegionCsvReader.read(code, new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void loadDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
                String code = file.getFileName().toString().replaceFirst("\\.csv$", "");
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    schemes.put(code, RegionCsvReader.read(code, reader));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read region schemes from " + directory, e);
        }
    }

    public Optional<RegionScheme> scheme(String code) {
        return Optional.ofNullable(code).map(schemes::get);
    }

    /** Population per region code of a scheme (empty for an unknown scheme): the weighting targets. */
    public Map<String, Long> populations(String schemeCode) {
        return scheme(schemeCode).map(RegionScheme::populations).orElse(Map.of());
    }

    public Collection<RegionScheme> schemes() {
        return schemes.values();
    }
}
