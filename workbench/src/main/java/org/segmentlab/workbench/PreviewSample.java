package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.segmentlab.model.strategy.Advertising;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * The quick answer the page shows while the full run goes on: the same market in miniature. A sample of the
 * population with everything that counts a whole business scaled with it — the market potential (the same untapped
 * share), budgets, advertising spend with the spend that saturates it, treatments' fixed monthly costs — run once;
 * then every count and amount scaled back up, rates and shares left as they are. Per-customer money (treatment cost,
 * acquisition cost) does not change, so the miniature's customers behave as the full market's do.
 */
final class PreviewSample {

    /** Counts and amounts: what grows with the size of the business. Every other metric is a rate, share or level. */
    private static final Set<Metric> EXTENSIVE = EnumSet.complementOf(EnumSet.of(Metric.RETENTION_INITIAL,
            Metric.TOP20_SHARE, Metric.GINI, Metric.NET_WOM, Metric.SATISFACTION_MEAN, Metric.REPUTATION,
            Metric.WOM_DAMPING));

    private final Scenario sample;
    private final double factor;

    private PreviewSample(Scenario sample, double factor) {
        this.sample = sample;
        this.factor = factor;
    }

    /**
     * Whether a preview is worth running: a drawn population larger than {@code customers}. Real customers (an
     * observed start) are not sampled, and a small scenario is its own quick answer.
     */
    static boolean applies(Scenario full, int customers) {
        return full.initialPopulation() == null && full.market().initialCustomers() > customers;
    }

    /** The miniature of {@code full} at {@code customers} initial customers and one replication. */
    static PreviewSample of(Scenario full, int customers) {
        if (!applies(full, customers)) {
            throw new IllegalArgumentException("no preview: " + full.market().initialCustomers() + " customers");
        }
        double f = (double) customers / full.market().initialCustomers();
        Market m = full.market();
        Market.AdvertisingResponse ads = m.advertising();
        Market small = new Market(Math.max(customers, Math.round(m.potential() * f)), customers, m.innovation(),
                m.imitation(), m.negativeWeight(), m.acquisitionCost(), m.referralLean(), m.referralConversion(),
                m.referralCost(), m.reputation(),
                new Market.AdvertisingResponse(ads.lift(), Math.max(1, ads.saturation() * f), ads.targetingPremium()),
                m.winBack());
        List<Strategy> strategies = new ArrayList<>();
        for (Strategy s : full.strategies()) {
            OptionalDouble budget = s.budget().isPresent() ? OptionalDouble.of(s.budget().getAsDouble() * f) : s.budget();
            Advertising a = s.advertising();
            strategies.add(new Strategy(s.name(), budget, s.treatments(),
                    new Advertising(a.spend() * f, a.targets(), a.tilt())));
        }
        Map<String, Treatment> treatments = new LinkedHashMap<>();
        full.treatments().forEach((name, t) -> treatments.put(name,
                t.fixedCost() > 0 ? t.with(TreatmentParameter.FIXED_COST, t.fixedCost() * f) : t));
        Scenario sample = new Scenario(full.name(), full.description(), full.seed(), full.months(), 1, small,
                full.economics(), full.behaviour(), full.archetypes(), full.taxonomy(), full.truth(), treatments,
                strategies, full.events(), full.initialPopulation(), full.promotions(), full.observation(),
                full.mechanismsOff());
        return new PreviewSample(sample, f);
    }

    /** The scenario to run. */
    Scenario scenario() {
        return sample;
    }

    /** The sample's share of the full population, in (0, 1). */
    double factor() {
        return factor;
    }

    /** The sample's result at the full market's size: counts and amounts divided by {@link #factor()}. */
    RunResult scaledUp(RunResult result) {
        MetricsTable table = result.metrics();
        List<String> metrics = table.metrics();
        boolean[] extensive = new boolean[metrics.size()];
        for (Metric m : EXTENSIVE) {
            extensive[table.metricIndex(m.key())] = true;
        }
        for (int i = 0; i < metrics.size(); i++) {
            extensive[i] |= metrics.get(i).startsWith(Metric.segmentKey(""));
        }
        int strategies = table.strategies().size();
        double[][][][] values = new double[strategies][table.replications()][metrics.size()][];
        for (int s = 0; s < strategies; s++) {
            for (int r = 0; r < table.replications(); r++) {
                for (int i = 0; i < metrics.size(); i++) {
                    double[] series = table.series(table.strategies().get(s), r, metrics.get(i)).clone();
                    if (extensive[i]) {
                        for (int t = 0; t < series.length; t++) {
                            series[t] /= factor;
                        }
                    }
                    values[s][r][i] = series;
                }
            }
        }
        MetricsTable scaled = new MetricsTable(table.strategies(), table.replications(), table.months(), metrics, values);
        return new RunResult(result.scenarioName(), result.currency(), result.seed(), result.segments(),
                result.archetypes(), result.truth(), scaled, List.of(), result.events());
    }
}
