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
 * Engine throughput: one simulated month of a full-featured market (every mechanism on, see
 * {@link FullFeaturedScenario}) per operation, at 10^5, 10^6 and 10^7 customers, on 1 and 2 threads.
 *
 * <p>Why this shape: a month is the engine's unit of work, and the state must move forward to be realistic (a
 * benchmark that re-ran the same month would measure a warm cache of one month's draws). So each iteration starts a
 * fresh simulation at month 0 (setup, not measured: population, burn-in) and every invocation advances one month.
 * Divide the time per operation by the customers walked (printed by the harness as {@code customers}) for ns per
 * customer-month. {@link RandomFloorBenchmark} measures the random-number floor in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC"})
public class EngineBenchmark {

    @Param({"100000", "1000000", "10000000"})
    public int customers;

    @Param({"1", "2"})
    public int threads;

    private MarketSimulation simulation;

    @Setup(Level.Iteration)
    public void start() {
        simulation = MarketSimulation.start(FullFeaturedScenario.of(customers), 0, "textbook", threads);
    }

    @TearDown(Level.Iteration)
    public void stop() {
        System.out.printf("%n[engine] customers walked in the last month: %d, bytes/customer: %d%n",
                simulation.customers(), MarketSimulation.bytesPerCustomer(12));
        simulation.close();
    }

    @Benchmark
    public int month() {
        simulation.advance();
        return simulation.customers();
    }
}
