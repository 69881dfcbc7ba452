package org.segmentlab.benchmarks.engine;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * What attribution by treatment costs: the whole workshop run ({@code scenarios/four-types.yaml}: population,
 * burn-in, 2 strategies × 36 months) with and without its 4 attribution variants, at a fifth of and at the shipped
 * size, on 1 and 2 threads. Run from the project root (the scenario is read from there).
 *
 * <p>Why this shape: the issue promises runs with attribution take at most (1 + treated segments) × the plain run's
 * time, so the plain run is the unit and both are measured the same way, whole runs (SingleShotTime, as a user meets
 * them), on the C1 compiler the launcher uses. With 2 threads the 6 runs go side by side, 3 waves of 2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-Xmx4g"})
public class AttributionRunBenchmark {

    @Param({"20000", "100000"})
    public int customers;

    @Param({"1", "2"})
    public int threads;

    @Param({"false", "true"})
    public boolean attribution;

    private Scenario scenario;

    @Setup
    public void load() {
        scenario = Scenarios.load(Path.of("scenarios", "four-types.yaml"))
                .with("market.initialCustomers", Integer.toString(customers))
                .with("market.potential", Integer.toString(customers * 10)).scenario();
    }

    @Benchmark
    public RunResult run() {
        return Simulator.run(scenario, RunOptions.threads(threads).withAttribution(attribution));
    }
}
