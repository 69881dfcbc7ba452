package org.segmentlab.benchmarks.engine;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.segmentlab.simulator.engine.MarketSimulation;

/**
 * Engine throughput: one simulated year (12 months, or the 36 of {@code -p months=36}) of a full-featured market (every mechanism on, see
 * {@link FullFeaturedScenario}) at 10^5, 10^6 and 10^7 initial customers, on 1 and 2 threads.
 *
 * <p>Why this shape: the state must move forward to be realistic (re-running one month would measure a warm cache of
 * one month's draws), but a simulation that runs on for hundreds of months accumulates churned customers and
 * acquisitions, so "a month" would mean a different amount of work in every iteration. So each iteration starts a
 * fresh simulation at month 0 (setup, not measured: population and burn-in) and measures exactly months 1–12 in one
 * shot. Customer-months are counted as 12 × the mean of the customers ever acquired over the year (about 1.1× the
 * initial customers), whatever the engine walks: the rows it walks ({@code rows}, printed) shrink when churned rows are
 * compacted away ({@code -Dsegmentlab.engine.compaction=off} keeps them: with {@code -jvmArgsAppend}, which replaces
 * the fork's arguments, repeat those). {@link RandomFloorBenchmark} measures the random-number floor in the same run.
 *
 * <p>The fork runs with {@code --add-modules jdk.incubator.vector}, so the engine draws its Poisson counts on vector
 * lanes; {@code -jvmArgsAppend -Dsegmentlab.engine.kernel=scalar} measures the scalar kernel (the same counts).
 * {@code -Dsegmentlab.engine.stageTimes=true} prints where each iteration's months spent their time, part by part of
 * the month ({@link MarketSimulation#stageTimes}; on one thread the parts add up to the shot).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC", "--add-modules=jdk.incubator.vector"})
public class EngineBenchmark {
    /**
     * Months measured from month 0: 12 (a year), or 36, the run of the numpy comparison (10^6 × 36 of the
     * plain market): the long run is where compaction of churned rows pays.
     */
    @Param({"12"})
    public int months;

    @Param({"100000", "1000000", "10000000"})
    public int customers;

    @Param({"1", "2"})
    public int threads;

    /**
     * {@code all}: every mechanism on, the long-run ones of issue 14 included (referrals that convert, reputation,
     * a targeted campaign, tenure, win-back); {@code before-14}: the same market with those switched off, the engine's
     * work before they existed (to measure what they cost); {@code plain}: the plain base market (three archetypes,
     * baseline, no events), the market of the numpy comparison.
     */
    @Param({"all", "before-14", "plain"})
    public String mechanisms;

    private MarketSimulation simulation;

    @Setup(Level.Iteration)
    public void start() {
        simulation = switch (mechanisms) {
            case "all" -> MarketSimulation.start(FullFeaturedScenario.of(customers), 0, "textbook", threads);
            case "before-14" -> MarketSimulation.start(FullFeaturedScenario.before14(customers), 0, "textbook", threads);
            default -> MarketSimulation.start(FullFeaturedScenario.plain(customers), 0, "baseline", threads);
        };
        simulation.timeStages(Boolean.getBoolean("segmentlab.engine.stageTimes"));
    }

    @TearDown(Level.Iteration)
    public void stop() {
        System.out.printf("%n[engine] rows walked in month %d: %d; state bytes/customer: %d%n",
                simulation.month(), simulation.customers(), MarketSimulation.bytesPerCustomer(12));
        simulation.stageTimes().forEach((part, ms) -> System.out.printf("[engine] %-26s %9.1f ms%n", part, ms));
        simulation.close();
    }

    @Benchmark
    public int year() {
        for (int m = 0; m < months; m++) {
            simulation.advance();
        }
        return simulation.customers();
    }
}
