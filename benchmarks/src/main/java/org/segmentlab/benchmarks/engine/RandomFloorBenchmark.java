package org.segmentlab.benchmarks.engine;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.segmentlab.simulator.engine.CustomerRandom;

/**
 * The random-number floor the engine is read against: one {@code nextDouble} of its counter-based generator, and
 * one {@code reset} (positioning the cursor for a customer and purpose, done several times per customer-month).
 * The draw depends on the previous state, so the loop cannot be hoisted; the result is returned to JMH.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RandomFloorBenchmark {
    private final CustomerRandom rng = new CustomerRandom();
    private final long key = CustomerRandom.monthKey(42, 0, 1);
    private int customer;

    @Benchmark
    public double nextDouble() {
        return rng.nextDouble();
    }

    @Benchmark
    public double resetAndDraw() {
        return rng.reset(key, customer++, CustomerRandom.Purpose.CHURN).nextDouble();
    }
}
