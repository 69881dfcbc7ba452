package org.segmentlab.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.segmentlab.model.classify.RuleTableClassifier;
import org.segmentlab.model.strategy.ResolvedStrategy;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.simulator.metrics.AttributionRuns;
import org.segmentlab.simulator.metrics.EventPeriod;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.metrics.VariantProfit;
import org.segmentlab.simulator.population.PopulationGenerator;
import org.segmentlab.simulator.random.RandomStreams;
import org.segmentlab.simulator.scenario.Event;
import org.segmentlab.simulator.scenario.EventType;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * Runs a scenario: for each replication, one initial population and one burn-in shared by every strategy (common
 * random numbers), then each strategy month by month, and, when {@link RunOptions#attribution()} asks, the attribution
 * variants from the same start state. A pure function of the scenario (seed included): the same
 * scenario gives bit-identical results for any thread count.
 *
 * <pre>{@code
 * Scenario s = Scenarios.load(path).with("market.imitation", "0.3").scenario();
 * RunResult r = Simulator.run(s);
 * double[] retention = r.metrics().series("textbook", 0, "retention_initial");
 * }</pre>
 */
public final class Simulator {

    private Simulator() {
    }

    public static RunResult run(Scenario scenario) {
        return run(scenario, RunOptions.defaults());
    }

    public static RunResult run(Scenario bound, RunOptions options) {
        return run(bound, List.of(), options);
    }

    /**
     * As {@link #run(Scenario, RunOptions)}, with strategies whose plans change during the run ({@link StrategyPhase},
     * in increasing months per strategy). A strategy's months before its first change are bit-identical to the
     * plain run's; so is the whole run when a change repeats the strategy's own plan. Not with attribution variants.
     *
     * @throws IllegalArgumentException for a phase of an unknown strategy, beyond the run's months, out of order,
     *                                  or with attribution asked for
     */
    public static RunResult run(Scenario bound, List<StrategyPhase> phases, RunOptions options) {
        if (!phases.isEmpty() && options.attribution()) {
            throw new IllegalArgumentException("attribution variants are not run for phased strategies");
        }
        // Switched-off mechanisms are neutral parameters from here on: the monthly step never looks at the switches.
        Scenario scenario = bound.effective();
        int window = scenario.behaviour().featureWindow();
        // Before anything is allocated: the largest population the run can reach, its results, in this heap.
        RunBudget budget = RunBudget.of(scenario);
        budget.check(1);
        RuleTableClassifier classifier = RuleTableClassifier.of(scenario.taxonomy());
        List<ResolvedStrategy> resolved = new ArrayList<>();
        for (Strategy s : scenario.strategies()) {
            resolved.add(s.resolve(scenario.taxonomy(), scenario.treatments()));
        }
        List<AttributionVariant> variants = options.attribution() ? AttributionVariant.of(resolved) : List.of();
        // Every run of a replication: the strategies first, then the attribution variants.
        List<TreatmentTable> plans = new ArrayList<>();
        for (ResolvedStrategy r : resolved) {
            plans.add(new TreatmentTable(r, scenario));
        }
        for (StrategyPhase phase : phases) {
            int s = scenario.strategies().stream().map(Strategy::name).toList().indexOf(phase.strategy());
            if (s < 0 || phase.fromMonth() > scenario.months()) {
                throw new IllegalArgumentException("phase of strategy '" + phase.strategy() + "' from month "
                        + phase.fromMonth() + ": no such strategy, or after the run's " + scenario.months() + " months");
            }
            Strategy plan = phase.plan();
            Strategy named = new Strategy(phase.strategy(), plan.budget(), plan.treatments(), plan.advertising());
            plans.get(s).thenFrom(phase.fromMonth(),
                    new TreatmentTable(named.resolve(scenario.taxonomy(), scenario.treatments()), scenario));
        }
        for (AttributionVariant v : variants) {
            plans.add(new TreatmentTable(v.resolved(), scenario));
        }
        int strategyCount = resolved.size();
        ResolvedStrategy nothing = Strategy.of("burn-in", Map.of())
                .resolve(scenario.taxonomy(), Map.of("none", Treatment.neutral("none")));
        TreatmentTable burnInPlan = new TreatmentTable(nothing, scenario);
        PopulationGenerator generator = PopulationGenerator.of(scenario);
        RandomStreams streams = RandomStreams.of(scenario.seed());
        int replications = scenario.replications();
        int months = scenario.months();
        List<String> strategyNames = scenario.strategies().stream().map(Strategy::name).toList();
        List<String> segments = scenario.taxonomy().segmentNames();
        int[] truth = truthIndices(scenario);
        boolean hasTruth = java.util.Arrays.stream(truth).anyMatch(t -> t >= 0);
        List<String> metricNames = RunRecorder.metricNames(segments, hasTruth);
        double[][][][] values = new double[strategyCount][replications][][];
        double[][] variantProfit = new double[variants.size()][replications];
        List<RunDetail> details = new ArrayList<>();
        ProgressCount progress = new ProgressCount(options.progress(),
                (long) replications * (window + (long) plans.size() * months));
        ForkJoinPool pool = options.threads() > 1 ? new ForkJoinPool(options.threads()) : null;
        boolean watched = options.months() != RunOptions.MonthListener.NONE;
        RunSchedule schedule = RunSchedule.of(options.threads(), plans.size(), budget, watched);
        // The names a watcher's partial results carry; their values are copied from the recorders when asked.
        RunResult template = new RunResult(scenario.name(), scenario.economics().currency(), scenario.seed(), segments,
                scenario.archetypes().stream().map(a -> a.name()).toList(), truth,
                new MetricsTable(strategyNames, 0, months, metricNames, new double[strategyCount][0][][]), List.of(),
                eventPeriods(scenario));
        try {
            for (int r = 0; r < replications; r++) {
                MonthlyStep step = new MonthlyStep(scenario, r, classifier, generator, streams, pool);
                MarketState start = startState(scenario, step, generator, streams, r, burnInPlan, options.threads());
                progress.advance(window);
                List<RunRecorder> recorders = new ArrayList<>();
                for (TreatmentTable plan : plans) {
                    RunRecorder recorder = new RunRecorder(plan.strategyName, r, months, segments, hasTruth,
                            scenario.economics().discountRate());
                    step.recordStart(start, recorder);
                    recorders.add(recorder);
                }
                int replication = r;
                schedule.run(pool, step, start, plans, recorders, months, progress,
                        () -> new MonthlyStep(scenario, replication, classifier, generator, streams, null),
                        month -> {
                            if (watched) {
                                options.months().monthDone(new PartialRun(template, replication, month, replications,
                                        months, values, recorders.subList(0, strategyCount)));
                            }
                        });
                for (int s = 0; s < strategyCount; s++) {
                    values[s][r] = recorders.get(s).values;
                    details.add(recorders.get(s).detail());
                }
                for (int v = 0; v < variants.size(); v++) {
                    variantProfit[v][r] = recorders.get(strategyCount + v).values[Metric.PROFIT_CUMULATIVE.ordinal()][months];
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        MetricsTable table = new MetricsTable(strategyNames, replications, months, metricNames, values);
        List<VariantProfit> profits = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            AttributionVariant variant = variants.get(v);
            profits.add(new VariantProfit(strategyNames.get(variant.strategy()), variant.segment(), variant.treatment(),
                    variantProfit[v]));
        }
        AttributionRuns attribution = options.attribution() ? new AttributionRuns(true, profits) : AttributionRuns.NOT_RUN;
        return new RunResult(scenario.name(), scenario.economics().currency(), scenario.seed(), segments,
                scenario.archetypes().stream().map(a -> a.name()).toList(), truth, table, details, eventPeriods(scenario),
                attribution);
    }

    /** The events that touch someone (a share above zero), clipped to the run's months, labelled for a chart. */
    static List<EventPeriod> eventPeriods(Scenario scenario) {
        List<EventPeriod> periods = new ArrayList<>();
        for (Event event : scenario.events()) {
            int last = Math.min(scenario.months(), event.month() + event.duration() - 1);
            if (event.share() > 0 && event.month() <= last) {
                periods.add(new EventPeriod(label(event.type()), event.month(), last));
            }
        }
        return periods;
    }

    private static String label(EventType type) {
        return switch (type) {
            case REP_DEPARTURE -> "Rep departure";
            case PRICE_WAR -> "Price war";
            case SERVICE_OUTAGE -> "Service outage";
        };
    }

    /**
     * The month-0 state of one replication: the customers drawn from the archetypes and given a burn-in of
     * {@code featureWindow} months of history, or the scenario's real customers with their own history.
     */
    static MarketState startState(Scenario scenario, MonthlyStep step, PopulationGenerator generator,
                                  RandomStreams streams, int replication, TreatmentTable burnInPlan, int threads) {
        int window = scenario.behaviour().featureWindow();
        if (scenario.initialPopulation() != null) {
            MarketState start = ObservedStart.state(scenario.initialPopulation(), generator, streams, replication,
                    window, scenario.economics().grossMargin());
            step.settle(start, burnInPlan);
            return start;
        }
        MarketState start = new MarketState(generator.initial(streams, replication, threads), window, (short) -window);
        for (int t = -window; t < 0; t++) {
            step.step(start, burnInPlan, t, true, null);
        }
        return start;
    }

    private static int[] truthIndices(Scenario scenario) {
        int[] truth = new int[scenario.archetypes().size()];
        for (int a = 0; a < truth.length; a++) {
            String segment = scenario.truth().get(scenario.archetypes().get(a).name());
            truth[a] = segment == null ? -1 : scenario.taxonomy().indexOf(segment);
        }
        return truth;
    }
}
