package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The wiring tests' one check, shared by every declaration they probe (treatment and event parameters, market and
 * behaviour values, traits): a declared value is read by the engine when a small run with it at its neutral value and
 * a run with it at its declared probe value, each with the settings its declaration says it needs, differ in at least
 * one metric or lifetime value. Runs are on one thread, first replication, every strategy compared; the caller's message names the
 * value, so an unwired one fails by name.
 */
public final class WiringCheck {

    private WiringCheck() {
    }

    /** The document with the settings a declaration says it needs, each {@code "path: value"} in YAML. */
    public static ScenarioDocument withNeeds(ScenarioDocument doc, List<String> needs) {
        return withNeeds(doc, needs, UnaryOperator.identity());
    }

    /**
     * The document with the settings a declaration says it needs, each {@code "key: value"}; {@code path} turns the key
     * into the path it is set at (a treatment parameter's need may name another parameter of the same treatment).
     */
    public static ScenarioDocument withNeeds(ScenarioDocument doc, List<String> needs, UnaryOperator<String> path) {
        ScenarioDocument context = doc;
        for (String need : needs) {
            String[] kv = need.split(": ", 2);
            context = context.with(path.apply(kv[0]), kv[1]);
        }
        return context;
    }

    /** The two runs differ in at least one metric; else fails with the message, which names the value. */
    public static void assertChanges(ScenarioDocument neutral, ScenarioDocument probed, String message, Object... args) {
        assertThat(differences(neutral, probed)).as(message, args).isNotEmpty();
    }

    /** The two runs are the same in every metric; else fails with the message and the metrics that differ. */
    public static void assertChangesNothing(ScenarioDocument neutral, ScenarioDocument probed, String message,
                                            Object... args) {
        assertThat(differences(neutral, probed)).as(message, args).isEmpty();
    }

    /**
     * The metrics whose series differ between the two runs (first replication, any strategy), then "lifetime value" or
     * "channel lifetime value" when those tables differ (a value that moves no monthly metric, such as
     * {@code economics.discountRate}, shows there).
     */
    public static List<String> differences(ScenarioDocument neutral, ScenarioDocument probed) {
        RunResult ra = run(neutral);
        RunResult rb = run(probed);
        MetricsTable a = ra.metrics();
        MetricsTable b = rb.metrics();
        List<String> differ = new ArrayList<>();
        for (String metric : a.metrics()) {
            for (String strategy : a.strategies()) {
                if (!Arrays.equals(a.series(strategy, 0, metric), b.series(strategy, 0, metric))) {
                    differ.add(metric);
                    break;
                }
            }
        }
        for (String strategy : a.strategies()) {
            RunDetail da = ra.detail(strategy, 0);
            RunDetail db = rb.detail(strategy, 0);
            if (!Arrays.equals(da.lifetimeValue(), db.lifetimeValue())) {
                differ.add("lifetime value");
            }
            if (!Arrays.equals(da.channelLifetimeValue(), db.channelLifetimeValue())) {
                differ.add("channel lifetime value");
            }
        }
        return differ.stream().distinct().toList();
    }

    /**
     * A wiring test's base scenario, parsed: 6 months at seed 11 (small and quick, the same draws every run), the
     * market mapping given, then {@code lines} (archetypes, taxonomy, treatments, strategies).
     */
    public static ScenarioDocument base(String name, String market, String... lines) {
        List<String> all = new ArrayList<>(List.of("name: " + name, "seed: 11", "months: 6", "market: " + market));
        all.addAll(Arrays.asList(lines));
        all.add("");
        return Scenarios.parse(String.join("\n", all), name);
    }

    /**
     * An archetype of the wiring tests' small markets, as the YAML lines of one {@code archetypes} item: customers who
     * buy, ask for service, complain, refer and churn, so that every mechanism has someone to act on.
     */
    public static String archetype(String name, double share, double purchaseRate, int medianSpend, double priceSensitivity) {
        return String.join("\n",
                "  - {name: " + name + ", share: " + number(share) + ", purchaseRate: " + number(purchaseRate)
                        + ", spend: {dist: lognormal, median: " + medianSpend + ", sigma: 0.5}, churn: 0.05,",
                "     priceSensitivity: " + number(priceSensitivity) + ", advocacy: 0.3, serviceDemand: 1,"
                        + " satisfaction: {dist: beta, alpha: 5, beta: 3},",
                "     badExperience: 0.1}");
    }

    /** A number as YAML writes it: a whole one without a decimal point. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static RunResult run(ScenarioDocument doc) {
        return Simulator.run(doc.scenario(), RunOptions.threads(1));
    }
}
