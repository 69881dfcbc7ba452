package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * Every value docs/workshop.md's "what to change" exercises change ({@code --set PATH=VALUE} in a scenario's section)
 * has a control on the page for that scenario: an exercise naming a path the page cannot change fails this test.
 */
class WorkshopLeversTest {

    private static final ShippedScenarios SHIPPED = ShippedScenarios.load();
    static final Path GUIDE = Path.of("..", "docs", "workshop.md");
    private static final WorkbenchSettings SETTINGS = new WorkbenchSettings("127.0.0.1", 0, 200_000, 1, 1, 5_000, "v");
    /** A path after --set, with the value quoted or not; --set spans may wrap over lines in the guide. */
    private static final Pattern SET = Pattern.compile("--set\\s+'?([A-Za-z0-9_.\\[\\]-]+)=");

    @Test
    void everyExercisePathHasAControlForItsScenario() throws IOException {
        Map<String, Set<String>> exercises = exercisePaths(Files.readString(GUIDE));
        // the guide has a section per shipped scenario, and they change values
        assertThat(exercises.keySet()).containsAll(SHIPPED.names());
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, Set<String>> e : exercises.entrySet()) {
            Scenario scenario = new ScenarioRequest(e.getKey(), null, Map.of()).resolve(SHIPPED);
            List<String> onPage = ScenarioForm.of(scenario, SETTINGS).paths();
            for (String path : e.getValue()) {
                count++;
                if (!onPage.contains(path)) {
                    missing.add(e.getKey() + ": " + path);
                }
            }
        }
        System.out.println("workshop exercises: " + count + " changed paths in " + exercises.size()
                + " scenarios, all on the page: " + missing.isEmpty());
        assertThat(count).isGreaterThanOrEqualTo(22);
        assertThat(missing).as("exercise paths without a control on the page").isEmpty();
    }

    /** Shipped scenario name → the paths its section of the guide sets. */
    static Map<String, Set<String>> exercisePaths(String guide) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String section : guide.split("(?m)^## ")) {
            String name = section.lines().findFirst().orElse("").strip();
            if (!SHIPPED.names().contains(name)) {
                continue; // the introduction
            }
            Matcher m = SET.matcher(section);
            Set<String> paths = new LinkedHashSet<>();
            while (m.find()) {
                paths.add(m.group(1));
            }
            out.put(name, paths);
        }
        return out;
    }
}
