package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * What the engine tests do with a scenario file: load it from beside them (the test resources of this package), run
 * it on two threads, add up a metric over months, and compare two runs or a run with the metrics an earlier engine
 * wrote.
 */
final class EngineRuns {

    private EngineRuns() {
    }

    /** A scenario file among this package's test resources. */
    static ScenarioDocument resource(String name) {
        return Scenarios.load(path(name));
    }

    private static Path path(String name) {
        URL url = EngineRuns.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource " + name + " is not a file: " + url, e);
        }
    }

    /**
     * What {@code run} returns with compaction of churned rows on ({@code "on"}) or off ({@code "off"}, every row
     * kept). The metrics an earlier engine wrote are compared to the bit with compaction off: compaction regroups the
     * month's sums (their last bits), which {@link ChurnedRowsTest} shows is all it changes.
     */
    static <T> T withCompaction(String value, java.util.function.Supplier<T> run) {
        String old = System.getProperty(ChurnedRows.PROPERTY);
        System.setProperty(ChurnedRows.PROPERTY, value);
        try {
            return run.get();
        } finally {
            if (old == null) {
                System.clearProperty(ChurnedRows.PROPERTY);
            } else {
                System.setProperty(ChurnedRows.PROPERTY, old);
            }
        }
    }

    /** The metrics of a run on two threads. */
    static MetricsTable run(ScenarioDocument doc) {
        return Simulator.run(doc.scenario(), RunOptions.threads(2)).metrics();
    }

    /** A metric of the first replication summed over the run's months (1 … the last). */
    static double sum(MetricsTable m, String strategy, String metric) {
        return sum(m, strategy, metric, 1, m.months());
    }

    /** A metric of the first replication summed over months {@code from} … {@code to}. */
    static double sum(MetricsTable m, String strategy, String metric, int from, int to) {
        double total = 0;
        for (int t = from; t <= to; t++) {
            total += m.value(strategy, 0, metric, t);
        }
        return total;
    }

    /** Every metric of every strategy of {@code expected} (first replication) is the same in {@code actual}, to the bit. */
    static void assertSameRun(MetricsTable actual, MetricsTable expected, String what) {
        for (String strategy : expected.strategies()) {
            for (String metric : expected.metrics()) {
                assertThat(actual.series(strategy, 0, metric)).as("%s: %s %s", what, strategy, metric)
                        .containsExactly(expected.series(strategy, 0, metric));
            }
        }
    }

    /**
     * The run's values are those of a CSV resource ({@code strategy,metric,month,value}, a header line first, first
     * replication), to the bit: what an earlier engine's metrics.csv held for the same run.
     */
    static void assertValues(MetricsTable m, String expectedCsv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path(expectedCsv), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(lines).as("%s: a header and at least one value", expectedCsv).hasSizeGreaterThan(1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int month = Integer.parseInt(f[2]);
            assertThat(m.value(f[0], 0, f[1], month)).as("%s %s month %d (%s)", f[0], f[1], month, expectedCsv)
                    .isEqualTo(Double.parseDouble(f[3]));
        }
    }
}
