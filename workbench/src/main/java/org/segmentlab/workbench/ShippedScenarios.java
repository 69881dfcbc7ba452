package org.segmentlab.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The scenarios that ship with SegmentLab, bundled as classpath resources and chosen on the page by name only:
 * the name is looked up in this whitelist, never turned into a path, so a client cannot make the server read a file.
 */
public final class ShippedScenarios {

    /** The scenario the page opens with. */
    public static final String DEFAULT = "four-types";

    private static final String LIST = "scenarios.list";
    private static final String FOLDER = "scenarios/";

    private final Map<String, String> yamlByName;
    private final Map<String, String> titleByName;

    private ShippedScenarios(Map<String, String> yamlByName, Map<String, String> titleByName) {
        this.yamlByName = Collections.unmodifiableMap(yamlByName);
        this.titleByName = Collections.unmodifiableMap(titleByName);
    }

    /** Reads every scenario named in {@code scenarios.list} (one name a line) and its title. */
    public static ShippedScenarios load() {
        Map<String, String> yaml = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (String name : resource(LIST).split("\\R")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String text = resource(FOLDER + trimmed + ".yaml");
            yaml.put(trimmed, text);
            titles.put(trimmed, Scenarios.parse(text, trimmed + ".yaml").scenario().name());
        }
        return new ShippedScenarios(yaml, titles);
    }

    public List<String> names() {
        return new ArrayList<>(yamlByName.keySet());
    }

    /** The scenario's own name (its {@code name:}), e.g. "Four types — baseline vs textbook". */
    public String title(String name) {
        return titleByName.get(name);
    }

    /** The YAML text of a shipped scenario, or empty for a name not on the list. */
    public Optional<String> yaml(String name) {
        return Optional.ofNullable(name == null ? null : yamlByName.get(name));
    }

    private static String resource(String name) {
        try (InputStream in = ShippedScenarios.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath (a build problem)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
