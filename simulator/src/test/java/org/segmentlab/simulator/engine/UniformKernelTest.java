package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * The bulk draws a chunk takes from {@link UniformKernel} are the scalar cursor's, bit for bit, on both kernels and
 * for any count (full vectors and a tail): a stage that moved its draws there draws what it drew one at a time.
 */
class UniformKernelTest {
    private static final long KEY = CustomerRandom.monthKey(20261207L, 1, 9);

    /** The rows' positions are their customers': keyed by the id in the row (rows move, ids do not). */
    @Test
    void positionsAreTheCustomersBases() {
        SplittableRandom random = new SplittableRandom(11);
        int[] id = new int[3 * Chunk.SIZE];
        for (int k = 1; k < id.length; k++) {
            id[k] = id[k - 1] + 1 + (random.nextInt(3) == 0 ? random.nextInt(1_000_000) : 0); // ascending, with gaps
        }
        for (UniformKernel kernel : kernels()) {
            for (int round = 0; round < 50; round++) {
                int from = round == 0 ? 0 : random.nextInt(2 * Chunk.SIZE);
                int count = round == 1 ? Chunk.SIZE : random.nextInt(Chunk.SIZE + 1);
                long[] out = new long[Chunk.SIZE];
                kernel.positions(KEY, id, from, count, out);
                for (int r = 0; r < count; r++) {
                    assertThat(out[r]).as("%s, row %d", kernel, from + r)
                            .isEqualTo(CustomerRandom.customerBase(KEY, id[from + r]));
                }
            }
        }
    }

    @Test
    void eachUniformIsTheFirstDrawOfTheCustomersStream() {
        SplittableRandom random = new SplittableRandom(13);
        CustomerRandom cursor = new CustomerRandom();
        for (UniformKernel kernel : kernels()) {
            for (Purpose purpose : Purpose.values()) {
                int count = random.nextInt(Chunk.SIZE + 1);
                long[] position = random.longs(count).toArray();
                double[] out = new double[Chunk.SIZE];
                Arrays.fill(out, -1);
                kernel.uniforms(Arrays.copyOf(position, Chunk.SIZE), count, purpose, out);
                for (int j = 0; j < count; j++) {
                    assertThat(out[j]).as("%s, %s, customer %d", kernel, purpose, j)
                            .isEqualTo(cursor.resetAt(position[j], purpose).nextDouble());
                }
                assertThat(out[count < Chunk.SIZE ? count : 0]).as("nothing written past the count")
                        .isEqualTo(count < Chunk.SIZE ? -1 : cursor.resetAt(position[0], purpose).nextDouble());
            }
        }
    }

    /** A chunk's uniforms are uniform: a Kolmogorov–Smirnov distance within its 1% critical value (1.63/√n). */
    @Test
    void theUniformsAreUniform() {
        for (UniformKernel kernel : kernels()) {
            long[] position = new long[Chunk.SIZE];
            kernel.positions(KEY, java.util.stream.IntStream.range(0, Chunk.SIZE).toArray(), 0, Chunk.SIZE, position);
            double[] u = new double[Chunk.SIZE];
            kernel.uniforms(position, Chunk.SIZE, Purpose.CHURN, u);
            Arrays.sort(u);
            double distance = 0;
            for (int k = 0; k < u.length; k++) {
                distance = Math.max(distance, Math.max((k + 1.0) / u.length - u[k], u[k] - (double) k / u.length));
            }
            assertThat(distance).as("%s", kernel).isLessThan(1.63 / Math.sqrt(u.length));
        }
    }

    /** Both kernels; the vector one is skipped, saying why, on a CPU whose vectors hold fewer than four longs. */
    private static UniformKernel[] kernels() {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector"))
                .as("the simulator's tests run with --add-modules jdk.incubator.vector (see its pom)").isPresent();
        assumeThat(UniformKernel.VECTOR).as("this CPU's vectors hold fewer than four longs").isNotNull();
        return new UniformKernel[] {UniformKernel.SCALAR, UniformKernel.VECTOR};
    }
}
