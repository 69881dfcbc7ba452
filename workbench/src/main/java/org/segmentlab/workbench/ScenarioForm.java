package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.strategy.ResolvedStrategy;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * What the page shows for a scenario: per strategy a segment → treatment grid, and sliders for the values a
 * trainee changes most (population and months, the Bass coefficients, the depth and leakage of discounts, budgets
 * and the taxonomy's thresholds). Every control is named by the override path it sets, so a run request is just
 * path → value and a validation problem comes back addressed to its control.
 *
 * @param name        the scenario's name
 * @param description the scenario's description
 * @param currency    the money unit
 * @param segments    the taxonomy's segments, in classification order
 * @param treatments  the treatments a strategy may use (the built-ins and the scenario's own)
 * @param strategies  one grid column per strategy
 * @param sliders     the key values, grouped
 * @param autoRunCustomers the page re-runs on change at or below this population
 * @param maxCustomers the largest population this server runs
 */
public record ScenarioForm(String name, String description, String currency, List<String> segments,
        List<String> treatments, List<StrategyColumn> strategies, List<Slider> sliders, int autoRunCustomers,
        int maxCustomers) {

    /**
     * One strategy's treatments.
     *
     * @param path       the override path prefix of this strategy, e.g. {@code strategies[1]}
     * @param treatments segment → treatment name (every segment, defaults resolved)
     */
    public record StrategyColumn(String name, String path, Map<String, String> treatments) {
    }

    /**
     * A key value: a range control with a number box beside it (the box accepts any value, so the server's
     * validation decides what is allowed).
     */
    public record Slider(String path, String label, String group, double min, double max, double step, double value) {
    }

    /** Feature values that are shares or scores in [0, 1]. */
    private static final Set<Feature> UNIT_FEATURES = Set.of(Feature.DISCOUNT_SHARE, Feature.SATISFACTION, Feature.VALUE_RANK);

    public static ScenarioForm of(Scenario scenario, WorkbenchSettings settings) {
        Taxonomy taxonomy = scenario.taxonomy();
        List<StrategyColumn> columns = new ArrayList<>();
        for (int i = 0; i < scenario.strategies().size(); i++) {
            Strategy strategy = scenario.strategies().get(i);
            ResolvedStrategy resolved = strategy.resolve(taxonomy, scenario.treatments());
            Map<String, String> bySegment = new LinkedHashMap<>();
            for (int s = 0; s < taxonomy.size(); s++) {
                bySegment.put(taxonomy.segmentNames().get(s), resolved.treatmentOf(s).name());
            }
            columns.add(new StrategyColumn(strategy.name(), "strategies[" + i + "]", bySegment));
        }
        return new ScenarioForm(scenario.name(), scenario.description(), scenario.economics().currency(),
                taxonomy.segmentNames(), new ArrayList<>(scenario.treatments().keySet()), columns,
                sliders(scenario, settings), settings.autoRunCustomers(), settings.maxCustomers());
    }

    private static List<Slider> sliders(Scenario scenario, WorkbenchSettings settings) {
        List<Slider> out = new ArrayList<>();
        String size = "Population and time";
        int customers = scenario.market().initialCustomers();
        out.add(new Slider(ScenarioRequest.INITIAL_CUSTOMERS, "Customers at month 0", size, 1000,
                Math.max(settings.maxCustomers(), customers), 1000, customers));
        out.add(new Slider("months", "Months", size, 1, Math.max(120, scenario.months()), 1, scenario.months()));

        String market = "Market";
        double p = scenario.market().innovation();
        out.add(new Slider("market.innovation", "Innovation p (advertising)", market, 0, Math.max(0.02, 4 * p), 0.0005, p));
        double q = scenario.market().imitation();
        out.add(new Slider("market.imitation", "Imitation q (word of mouth)", market, 0, Math.max(1, 2 * q), 0.01, q));
        double c = scenario.market().referralConversion();
        out.add(new Slider("market.referralConversion", "Referrals that convert", market, 0, Math.max(0.3, 2 * c), 0.01, c));
        double k = scenario.market().negativeWeight();
        out.add(new Slider("market.negativeWeight", "Negative word of mouth κ", market, 0, Math.max(4, 2 * k), 0.1, k));

        String discounts = "Discounts";
        Set<String> used = new java.util.HashSet<>();
        for (Strategy s : scenario.strategies()) {
            s.resolve(scenario.taxonomy(), scenario.treatments()).bySegment().forEach(t -> used.add(t.name()));
        }
        for (Map.Entry<String, Treatment> e : scenario.treatments().entrySet()) {
            Treatment t = e.getValue();
            // Only the discounts some strategy gives: the others would be sliders that change nothing.
            if (t.discount() > 0 && used.contains(e.getKey())) {
                String path = "treatments." + e.getKey();
                out.add(new Slider(path + ".discount", e.getKey() + ": discount depth", discounts, 0, 0.9, 0.01, t.discount()));
                out.add(new Slider(path + ".leakage", e.getKey() + ": leakage to others", discounts, 0, 1, 0.01, t.leakage()));
            }
        }

        String budgets = "Monthly budgets";
        for (int i = 0; i < scenario.strategies().size(); i++) {
            Strategy s = scenario.strategies().get(i);
            if (s.budget().isPresent()) {
                double b = s.budget().getAsDouble();
                double max = niceCeiling(Math.max(1000, 3 * b));
                out.add(new Slider("strategies[" + i + "].budget", s.name() + ": budget", budgets, 0, max, max / 100, b));
            }
        }

        String thresholds = "Segment thresholds";
        Taxonomy taxonomy = scenario.taxonomy();
        for (String path : taxonomy.thresholdPaths()) {
            // Thresholds are floats: shown by their shortest float text (0.3, not 0.30000001192092896).
            double v = Double.parseDouble(Float.toString(taxonomy.threshold(path).orElseThrow()));
            Feature feature = Feature.byKey(path.split("\\.")[1]).orElseThrow();
            if (UNIT_FEATURES.contains(feature)) {
                out.add(new Slider("thresholds." + path, path, thresholds, 0, 1, 0.01, v));
            } else {
                double max = niceCeiling(Math.max(1, 3 * Math.abs(v)));
                double min = v < 0 || feature == Feature.MARGIN ? -max : 0;
                // Ratios (promoLift, serviceToMargin) move in small steps around 1 even when the default is whole.
                boolean ratio = feature == Feature.PROMO_LIFT || feature == Feature.SERVICE_TO_MARGIN;
                double step = ratio ? 0.05 : max <= 30 ? (v == Math.rint(v) ? 1 : 0.1) : max / 100;
                out.add(new Slider("thresholds." + path, path, thresholds, min, max, step, v));
            }
        }
        return out;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code x}: slider ends a person can read. */
    static double niceCeiling(double x) {
        double power = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= x) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
