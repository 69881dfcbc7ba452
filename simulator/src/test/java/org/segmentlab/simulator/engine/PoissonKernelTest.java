package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * The vector Poisson kernel gives the scalar kernel's counts, bit for bit, whatever the means (inside and outside the
 * inversion's range, zero, negative) and the count (full vectors and a tail). The simulator's tests run with
 * {@code --add-modules jdk.incubator.vector} (its pom), so the vector kernel is here unless the CPU's vectors are
 * shorter than four doubles.
 */
class PoissonKernelTest {
    private static final long KEY = CustomerRandom.monthKey(20261206L, 0, 5);

    @Test
    void theVectorKernelDrawsTheScalarCounts() {
        PoissonKernel vector = vectorKernel();
        SplittableRandom random = new SplittableRandom(7);
        double[] special = {0, -1, 1e-300, 1e-9, 9.999999999, 10, 10.5, 57, 3e4, Draws.MAX_POISSON_MEAN};
        for (int round = 0; round < 200; round++) {
            Chunk c = new Chunk();
            c.liveCount = round == 0 ? Chunk.SIZE : 1 + random.nextInt(Chunk.SIZE);
            for (int j = 0; j < c.liveCount; j++) {
                c.position[j] = CustomerRandom.customerBase(KEY, round * Chunk.SIZE + j);
                double u = random.nextDouble();
                c.mean[j] = u < 0.05 ? special[random.nextInt(special.length)] : u < 0.5 ? 3 * u : 12 * u * u;
            }
            assertSameCounts(c, round, out -> PoissonKernel.SCALAR.draw(c, Purpose.PURCHASES, out),
                    out -> vector.draw(c, Purpose.PURCHASES, out));
        }
    }

    /** The counts two kernels write for the chunk's live customers are the same. */
    static void assertSameCounts(Chunk c, int round, Consumer<int[]> scalar, Consumer<int[]> vector) {
        int[] expected = new int[Chunk.SIZE];
        int[] actual = new int[Chunk.SIZE];
        scalar.accept(expected);
        vector.accept(actual);
        assertThat(Arrays.copyOf(actual, c.liveCount)).as("round %d, %d customers", round, c.liveCount)
                .containsExactly(Arrays.copyOf(expected, c.liveCount));
    }

    @Test
    void aMeanNoCountCanBeDrawnForIsRefusedByBothKernels() {
        PoissonKernel vector = vectorKernel();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 2 * Draws.MAX_POISSON_MEAN}) {
            Chunk c = new Chunk();
            c.liveCount = 16;
            Arrays.fill(c.mean, 0, 16, 1.0);
            c.mean[11] = bad;
            for (PoissonKernel kernel : new PoissonKernel[] {PoissonKernel.SCALAR, vector}) {
                assertThatThrownBy(() -> kernel.draw(c, Purpose.SERVICE, new int[Chunk.SIZE]))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Poisson mean");
            }
        }
    }

    @Test
    void thePropertyPicksTheKernel() {
        String old = System.getProperty(VectorKernels.PROPERTY);
        try {
            System.setProperty(VectorKernels.PROPERTY, "scalar");
            assertThat(PoissonKernel.configured()).isSameAs(PoissonKernel.SCALAR);
            System.setProperty(VectorKernels.PROPERTY, "vector");
            assertThat(PoissonKernel.configured()).isSameAs(vectorKernel());
        } finally {
            restore(old);
        }
    }

    /** The vector kernel; the test is skipped, saying why, on a CPU whose vectors hold fewer than four doubles. */
    static PoissonKernel vectorKernel() {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector"))
                .as("the simulator's tests run with --add-modules jdk.incubator.vector (see its pom)").isPresent();
        assumeThat(PoissonKernel.VECTOR).as("this CPU's vectors hold fewer than four doubles").isNotNull();
        return PoissonKernel.VECTOR;
    }

    static void restore(String old) {
        if (old == null) {
            System.clearProperty(VectorKernels.PROPERTY);
        } else {
            System.setProperty(VectorKernels.PROPERTY, old);
        }
    }
}
