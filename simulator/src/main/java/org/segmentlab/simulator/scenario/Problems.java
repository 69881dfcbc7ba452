package org.segmentlab.simulator.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects located problems while a scenario is read; sorts them into file order for the report. */
final class Problems {

    /** A hostile file (thousands of aliases) should not produce a report longer than anyone reads. */
    static final int MAX_REPORTED = 100;

    private final List<LocatedProblem> list = new ArrayList<>();
    /** Sources in report order: the file, then its overrides in the order they were applied. */
    private final List<String> sourceOrder;
    /** Reads of values already reported while the YAML was read (an alias, a tag): failures without a new message. */
    private int silentFailures;

    Problems() {
        this(List.of());
    }

    Problems(List<String> sourceOrder) {
        this.sourceOrder = List.copyOf(sourceOrder);
    }

    void add(YamlNode.Location at, String path, String message) {
        list.add(new LocatedProblem(at.source(), at.line(), at.column(), path, message));
    }

    void add(YamlNode at, String path, String message) {
        add(at.location(), path, message);
    }

    void addAll(List<LocatedProblem> problems) {
        list.addAll(problems);
    }

    /** Counts a read of an already-reported value as a failure, so that nothing is built from it. */
    void addSilentFailure() {
        silentFailures++;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Problems and silent failures so far: callers compare counts to see whether a section failed. */
    int size() {
        return list.size() + silentFailures;
    }

    /**
     * The problems in file order: by source (the file, then its overrides in the order applied; any other
     * source in the order first seen), then by line and column; problems at the same place keep the order they
     * were found. At most {@link #MAX_REPORTED}, with a last line saying how many more there were.
     */
    List<LocatedProblem> sorted() {
        Map<String, Integer> order = new LinkedHashMap<>();
        sourceOrder.forEach(source -> order.putIfAbsent(source, order.size()));
        for (LocatedProblem p : list) {
            order.putIfAbsent(p.source(), order.size());
        }
        List<LocatedProblem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.<LocatedProblem>comparingInt(p -> order.get(p.source()))
                .thenComparingInt(LocatedProblem::line)
                .thenComparingInt(LocatedProblem::column));
        if (sorted.size() > MAX_REPORTED) {
            LocatedProblem last = sorted.get(MAX_REPORTED - 1);
            int more = sorted.size() - MAX_REPORTED;
            sorted = new ArrayList<>(sorted.subList(0, MAX_REPORTED));
            sorted.add(new LocatedProblem(last.source(), last.line(), last.column(), "",
                    "… and " + more + " more problem" + (more == 1 ? "" : "s") + " not shown"));
        }
        return sorted;
    }

    ScenarioException toException() {
        return new ScenarioException(sorted());
    }
}
