package org.segmentlab.simulator.scenario;

import java.util.List;

import org.segmentlab.simulator.scenario.YamlNode.Mapping;
import org.segmentlab.simulator.scenario.YamlNode.Scalar;
import org.segmentlab.simulator.scenario.YamlNode.ScalarKind;

/**
 * A scenario file as read: the YAML tree with the location of every value, before validation. Immutable:
 * {@link #with} returns a new document with one value overridden (a command line's {@code --set}, a sweep's point),
 * and {@link #scenario()} validates the whole and returns the typed {@link Scenario}.
 */
public final class ScenarioDocument {

    private final String source;
    private final Mapping root;
    private final List<LocatedProblem> readProblems;
    /** The file, then the source of each override in the order applied: the order problems are reported in. */
    private final List<String> sources;
    /** The folder of the scenario file, which files it names are relative to; null for text not read from a file. */
    private final java.nio.file.Path folder;

    ScenarioDocument(String source, Mapping root, List<LocatedProblem> readProblems, java.nio.file.Path folder) {
        this(source, root, readProblems, List.of(source), folder);
    }

    private ScenarioDocument(String source, Mapping root, List<LocatedProblem> readProblems, List<String> sources,
                             java.nio.file.Path folder) {
        this.source = source;
        this.root = root;
        this.readProblems = List.copyOf(readProblems);
        this.sources = List.copyOf(sources);
        this.folder = folder;
    }

    /** The name problems give the file: its path as given to {@link Scenarios#load}, or the name passed to {@link Scenarios#parse}. */
    public String source() {
        return source;
    }

    /**
     * This document with the value at {@code path} replaced by {@code value}, read as YAML (a scalar such as
     * {@code 0.3} or {@code beta}, or a flow node such as {@code {dist: beta, alpha: 2, beta: 30}}). Problems with the
     * new value are reported by {@link #scenario()} at the override ({@code --set PATH:line:column}).
     * <p>
     * Paths: keys joined by dots, {@code [i]} for list items; items of {@code archetypes}, {@code strategies} and
     * {@code taxonomy.segments} can also be named ({@code archetypes.loyal.share}); under {@code thresholds},
     * {@code truth} and a strategy's {@code treatments} the rest of the path is the key
     * ({@code thresholds.loyal.frequency.min}). {@code promotions} goes on by key in its periodic form
     * ({@code promotions.every}) and by index in its list form ({@code promotions[0].discount}). A key the format
     * allows but the file lacks is created (so {@code promotions.every} on a scenario without promotions starts a
     * periodic sale, which then needs its {@code discount} too).
     *
     * @throws ScenarioException when the path names something the format does not have (with "did you mean"), an
     *                           item that does not exist, or when the value is not valid YAML
     */
    public ScenarioDocument with(String path, String value) {
        String valueSource = PathOverride.overrideSource(path);
        YamlReader.Result read = YamlReader.read(value, valueSource);
        if (!read.problems().isEmpty()) {
            throw new ScenarioException(read.problems());
        }
        YamlNode node = read.root() != null ? read.root()
                : new Scalar(new YamlNode.Location(valueSource, 1, 1), ScalarKind.NULL, "", null, false);
        List<String> order = new java.util.ArrayList<>(sources);
        order.remove(valueSource);
        order.add(valueSource);
        return new ScenarioDocument(source, PathOverride.apply(root, path, node), readProblems, order, folder);
    }

    /**
     * The validated scenario, every default filled in.
     *
     * @throws ScenarioException with every problem of the file and its overrides, each located
     */
    public Scenario scenario() {
        Problems problems = new Problems(sources);
        problems.addAll(readProblems);
        Scenario scenario = ScenarioBinder.bind(root, problems, folder);
        if (!problems.isEmpty() || scenario == null) {
            if (problems.isEmpty()) {
                throw new IllegalStateException("the scenario binder failed without reporting a problem");
            }
            throw problems.toException();
        }
        return scenario;
    }

    /** The tree, for tests and the writer's round trip. */
    Mapping root() {
        return root;
    }

    @Override
    public String toString() {
        return "ScenarioDocument[" + source + "]";
    }
}
