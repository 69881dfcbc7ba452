package org.segmentlab.benchmarks.population;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.simulator.population.Population;
import org.segmentlab.simulator.population.PopulationGenerator;
import org.segmentlab.simulator.random.RandomStreams;
import org.segmentlab.simulator.scenario.Archetype;
import org.segmentlab.simulator.scenario.Behaviour;
import org.segmentlab.simulator.scenario.Distribution.Beta;
import org.segmentlab.simulator.scenario.Distribution.Constant;
import org.segmentlab.simulator.scenario.Distribution.Gamma;
import org.segmentlab.simulator.scenario.Distribution.LogNormal;
import org.segmentlab.simulator.scenario.Economics;
import org.segmentlab.simulator.scenario.Market;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * How fast the initial population is drawn, in customers per second, for a realistic four-type scenario (gamma
 * purchase rates and service demand, lognormal spend, beta churn, price sensitivity, advocacy and satisfaction), on
 * 1 and 2 threads.
 *
 * <p>Why it is written this way:
 * <ul>
 *   <li>The generator (every sampler and alias table) is built once per trial in {@link #setUp}, as a run builds it
 *       once; the benchmark measures drawing, not building. The state is never mutated: each invocation returns a
 *       new population (JMHSample_38: no benchmark mutates the state it measures).</li>
 *   <li>Allocating and zeroing the ten columns and creating (and shutting down) the thread pool are part of
 *       {@code initial()}, so they are measured: that is what a run pays.</li>
 *   <li>The population is returned, so JMH consumes it (an implicit {@code Blackhole}) and the work cannot be
 *       eliminated as dead code (JMHSample_08).</li>
 *   <li>{@code size} is a {@code @Param} so cost growth is visible when more sizes are given on the command line
 *       ({@code -p size=100000,1000000,10000000}); {@code threads} is passed to {@code initial} (the result is
 *       identical for both, so the figures compare like with like).</li>
 *   <li>The customer rate is an {@link AuxCounters} operations counter (JMHSample_23): JMH reports
 *       {@code customers} in customers per second next to the invocation rate, since
 *       {@code @OperationsPerInvocation} cannot follow a {@code @Param}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class PopulationBenchmark {

    @Param("1000000")
    public int size;

    @Param({"1", "2"})
    public int threads;

    private PopulationGenerator generator;
    private RandomStreams streams;

    /** Customers drawn, reported by JMH as a rate (customers/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Customers {
        public long customers;

        @Setup(Level.Iteration)
        public void reset() {
            customers = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        generator = PopulationGenerator.of(fourTypes(size));
        streams = RandomStreams.of(42);
    }

    @Benchmark
    public Population initial(Customers counter) {
        Population population = generator.initial(streams, 0, threads);
        counter.customers += population.size();
        return population;
    }

    /** The four types of DESIGN.md with textbook-like parameters. */
    static Scenario fourTypes(int customers) {
        List<Archetype> archetypes = List.of(
                new Archetype("loyal", 0.2,
                        new Gamma(4, 0.5), new LogNormal(Math.log(60), 0.8), 0.3, new Beta(1, 60), new Beta(1, 9),
                        new Beta(3, 7), new Gamma(1, 0.2), new Beta(8, 2), new Constant(0.01), 0.3),
                new Archetype("fence-sitter", 0.45,
                        new Gamma(1.5, 0.6), new LogNormal(Math.log(40), 0.6), 0.3, new Beta(1.5, 30), new Beta(2, 5),
                        new Beta(1.5, 8.5), new Gamma(1, 0.3), new Beta(6, 4), new Constant(0.02), 0.15),
                new Archetype("price-sensitive", 0.25,
                        new Gamma(2, 0.4), new LogNormal(Math.log(30), 0.5), 0.4, new Beta(2, 25), new Beta(8, 2),
                        new Beta(1, 9), new Gamma(1, 0.25), new Beta(5, 5), new Constant(0.03), 0.05),
                new Archetype("negative", 0.1,
                        new Gamma(0.8, 0.5), new LogNormal(Math.log(35), 0.7), 0.3, new Beta(3, 20), new Beta(3, 5),
                        new Beta(1, 30), new Gamma(2, 0.5), new Beta(2, 6), new Beta(1, 15), 0.1));
        return new Scenario("four types", "benchmark", 42, 36, 1,
                new Market(10L * customers, customers, 0.01, 0.3, 2, 25, 0.5),
                new Economics("EUR", 0.4, 12, 0.01),
                Behaviour.DEFAULT,
                archetypes, BuiltInTaxonomies.fourTypes(), Map.of(), Map.of(), List.of(), List.of());
    }
}
