package org.segmentlab.simulator.lessons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The shipped workshop scenarios at a small test size, and one run's numbers read the way a lesson states them
 * (cumulative profit at the last month, a metric summed over months, transitions, the active customers of an
 * archetype). Replication 0 throughout: the scenarios ship with one replication.
 */
final class WorkshopRun {

    /** The shipped scenarios, relative to the simulator module (surefire's working directory). */
    static final Path SHIPPED = Path.of("..", "scenarios");

    final RunResult result;
    final MetricsTable metrics;
    final int months;

    private WorkshopRun(RunResult result) {
        this.result = result;
        this.metrics = result.metrics();
        this.months = metrics.months();
    }

    /** Every {@code *.yaml} directly under {@code scenarios/}, by name. */
    static List<Path> shippedFiles() {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The scenario at {@code customers} initial customers, everything that counts a whole business scaled with it:
     * the market potential (same untapped share), strategy budgets and advertising spend (with the spend that
 * saturates advertising), and the fixed monthly cost of every treatment a
     * strategy uses (a team that costs 20 000 EUR a month for 30 000 customers costs 2 667 for 4 000). Per-customer
     * money (acquisition cost, treatment cost) is unchanged.
     */
    static ScenarioDocument atSize(Path file, int customers) {
        ScenarioDocument doc = Scenarios.load(file);
        Scenario full = doc.scenario();
        double f = (double) customers / full.market().initialCustomers();
        doc = doc.with("market.initialCustomers", Integer.toString(customers))
                .with("market.potential", Long.toString(Math.round(full.market().potential() * f)));
        for (int i = 0; i < full.strategies().size(); i++) {
            Strategy s = full.strategies().get(i);
            if (s.budget().isPresent()) {
                doc = doc.with("strategies[" + i + "].budget", Double.toString(s.budget().getAsDouble() * f));
            }
            if (s.advertising().spend() > 0) {
                // The spend and the market's saturation scale together: the same campaign for a smaller business.
                String spend = Double.toString(s.advertising().spend() * f);
                doc = s.advertising().targeted() ? doc.with("strategies[" + i + "].advertising.spend", spend)
                        : doc.with("strategies[" + i + "].advertising", spend);
            }
        }
        if (full.strategies().stream().anyMatch(s -> s.advertising().spend() > 0)) {
            doc = doc.with("market.advertising.saturation", Double.toString(full.market().advertising().saturation() * f));
        }
        for (String name : usedTreatments(full)) {
            Treatment t = full.treatments().get(name);
            if (t != null && t.fixedCost() > 0) {
                doc = doc.with("treatments." + name + ".fixedCost", Double.toString(t.fixedCost() * f));
            }
        }
        return doc;
    }

    private static List<String> usedTreatments(Scenario s) {
        return s.strategies().stream().flatMap(st -> st.treatments().values().stream()).distinct().toList();
    }

    static WorkshopRun run(ScenarioDocument doc) {
        return run(doc, false);
    }

    /** The run, with the attribution variants of every treated segment when asked (the shipped run of a lesson). */
    static WorkshopRun run(ScenarioDocument doc, boolean attribution) {
        return new WorkshopRun(Simulator.run(doc.scenario(), RunOptions.threads(2).withAttribution(attribution)));
    }

    double at(String strategy, String metric, int month) {
        return metrics.value(strategy, 0, metric, month);
    }

    double last(String strategy, String metric) {
        return at(strategy, metric, months);
    }

    /** The metric summed over months {@code from} … {@code to}, inclusive. */
    double sum(String strategy, String metric, int from, int to) {
        double s = 0;
        for (int t = from; t <= Math.min(to, months); t++) {
            s += at(strategy, metric, t);
        }
        return s;
    }

    /** {@code better}'s cumulative profit minus {@code than}'s at the last month, the mean over the replications. */
    double meanLead(String better, String than) {
        double s = 0;
        for (int rep = 0; rep < metrics.replications(); rep++) {
            s += metrics.value(better, rep, "profit_cumulative", months) - metrics.value(than, rep, "profit_cumulative", months);
        }
        return s / metrics.replications();
    }

    /** The metric summed over months 1 to the end and over every replication of the run. */
    double sumOverReplications(String strategy, String metric) {
        double s = 0;
        for (int rep = 0; rep < metrics.replications(); rep++) {
            for (int t = 1; t <= months; t++) {
                s += metrics.value(strategy, rep, metric, t);
            }
        }
        return s;
    }

    double sum(String strategy, String metric) {
        return sum(strategy, metric, 1, months);
    }

    /** Customers reclassified from one segment to another, summed over months 1 … T. */
    long transitions(String strategy, String from, String to) {
        int a = segment(from);
        int b = segment(to);
        long[][][] x = result.detail(strategy, 0).transitions();
        long n = 0;
        for (int t = 1; t < x.length; t++) {
            n += x[t][a][b];
        }
        return n;
    }

    /** Active customers at the last month whose archetype's truth is {@code truthSegment} (a confusion-matrix row). */
    long activeOfTruth(String strategy, String truthSegment) {
        long[] row = result.detail(strategy, 0).confusion()[months][segment(truthSegment)];
        long n = 0;
        for (long c : row) {
            n += c;
        }
        return n;
    }

    /** Discounted margin per customer over the run, for the customers in {@code segment} at month 0. */
    double lifetimeValue(String strategy, String segment) {
        RunDetail d = result.detail(strategy, 0);
        return d.lifetimeValue()[segment(segment)];
    }

    /** The last month of the run, T. */
    int months() {
        return months;
    }

    /** The first month from {@code from} on where the metric is at least {@code level}; T + 1 if never. */
    int firstMonthAtLeast(String strategy, String metric, int from, double level) {
        for (int t = from; t <= months; t++) {
            if (at(strategy, metric, t) >= level) {
                return t;
            }
        }
        return months + 1;
    }

    private int segment(String name) {
        int i = result.segments().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no segment '" + name + "'; segments: " + result.segments());
        }
        return i;
    }
}
