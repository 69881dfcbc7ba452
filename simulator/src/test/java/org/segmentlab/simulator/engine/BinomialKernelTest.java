package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.engine.CustomerRandom.Purpose;

/**
 * The vector binomial kernel gives the scalar kernel's counts, bit for bit, whatever the trials and probabilities
 * (none, certain, NaN, tiny, near one) and the count (full vectors and a tail); {@link BinomialKernel#draws} says
 * exactly when the scalar draw took a uniform, which the satisfaction stage relies on to find an event's complaint draw.
 */
class BinomialKernelTest {
    private static final long KEY = CustomerRandom.monthKey(20261206L, 1, 7);

    @Test
    void theVectorKernelDrawsTheScalarCounts() {
        BinomialKernel vector = vectorKernel();
        SplittableRandom random = new SplittableRandom(11);
        double[] special = {0, -0.5, 1, 1.5, Double.NaN, 1e-300, 1e-9, 0.999999, 0.5};
        for (int round = 0; round < 200; round++) {
            Chunk c = chunk(random, round);
            for (int j = 0; j < c.liveCount; j++) {
                double u = random.nextDouble();
                c.mean[j] = u < 0.1 ? special[random.nextInt(special.length)] : u < 0.7 ? 0.2 * u : u;
            }
            PoissonKernelTest.assertSameCounts(c, round, out -> BinomialKernel.SCALAR.draw(c, Purpose.COMPLAINTS, out),
                    out -> vector.draw(c, Purpose.COMPLAINTS, out));
        }
    }

    @Test
    void drawsSaysWhetherTheCountTookTheStreamsFirstUniform() {
        SplittableRandom random = new SplittableRandom(12);
        double[] probabilities = {0, -1, 1, 2, Double.NaN, 1e-12, 0.3, 0.99};
        for (int trials = -1; trials <= 5; trials++) {
            for (double p : probabilities) {
                long position = CustomerRandom.customerBase(KEY, random.nextInt(1 << 20));
                CustomerRandom rng = new CustomerRandom().resetAt(position, Purpose.COMPLAINTS);
                Draws.binomialSmall(rng, trials, p);
                double next = rng.nextDouble();
                CustomerRandom fresh = new CustomerRandom().resetAt(position, Purpose.COMPLAINTS);
                if (BinomialKernel.draws(trials, p)) {
                    fresh.nextLong();
                }
                assertThat(fresh.nextDouble()).as("%d trials, p %s", trials, p).isEqualTo(next);
            }
        }
    }

    @Test
    void theCountsFollowTheBinomialDistribution() {
        // 8 trials of p = 0.15 for 40 960 customers: the mean count is 1.2 with a standard error of
        // sqrt(8·0.15·0.85 / 40960) ≈ 0.0050; 5 standard errors leave a false failure of about 6e-7.
        BinomialKernel kernel = BinomialKernel.configured();
        long sum = 0;
        int customers = 0;
        for (int round = 0; round < 10; round++) {
            Chunk c = new Chunk();
            c.liveCount = Chunk.SIZE;
            for (int j = 0; j < Chunk.SIZE; j++) {
                c.position[j] = CustomerRandom.customerBase(KEY, round * Chunk.SIZE + j);
                c.trials[j] = 8;
                c.mean[j] = 0.15;
            }
            int[] out = new int[Chunk.SIZE];
            kernel.draw(c, Purpose.COMPLAINTS, out);
            for (int j = 0; j < Chunk.SIZE; j++) {
                assertThat(out[j]).isBetween(0, 8);
                sum += out[j];
            }
            customers += Chunk.SIZE;
        }
        double standardError = Math.sqrt(8 * 0.15 * 0.85 / customers);
        assertThat((double) sum / customers).isCloseTo(1.2, org.assertj.core.data.Offset.offset(5 * standardError));
    }

    private static Chunk chunk(SplittableRandom random, int round) {
        Chunk c = new Chunk();
        c.liveCount = round == 0 ? Chunk.SIZE : 1 + random.nextInt(Chunk.SIZE);
        for (int j = 0; j < c.liveCount; j++) {
            c.position[j] = CustomerRandom.customerBase(KEY, round * Chunk.SIZE + j);
            double u = random.nextDouble();
            c.trials[j] = u < 0.1 ? 0 : u < 0.8 ? random.nextInt(4) : u < 0.98 ? random.nextInt(30) : random.nextInt(300);
        }
        return c;
    }

    /** The vector kernel; the test is skipped, saying why, on a CPU whose vectors hold fewer than four doubles. */
    private static BinomialKernel vectorKernel() {
        PoissonKernelTest.vectorKernel();
        assumeThat(BinomialKernel.VECTOR).as("this CPU's vectors hold fewer than four doubles").isNotNull();
        return BinomialKernel.VECTOR;
    }
}
