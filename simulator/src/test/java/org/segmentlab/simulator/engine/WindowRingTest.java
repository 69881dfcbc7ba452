package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The ring's window counts (kept running, one int a customer) equal the counts of the last {@code window} months a
 * customer lived, after any mix of writes, months without a write (an inactive customer), logged months, returns
 * (cleared windows), growth (in the calling thread or on a pool) and copies: a plain list of each customer's months is the model.
 */
class WindowRingTest {
    /** Growth copies the ring's columns side by side on a pool: half the tries grow on one. */
    private static final ForkJoinPool POOL = new ForkJoinPool(3);

    @Property(tries = 150)
    void runningCountsAreTheWindowsCounts(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int window,
            @ForAll @IntRange(min = 1, max = 40) int customers, @ForAll @IntRange(min = 1, max = 70) int months) {
        Random random = new Random(seed);
        // Heavy months now and then: counts past their running fields must be recounted, never saturated.
        double heavy = random.nextDouble() * 0.3;
        Model model = new Model(window, customers);
        WindowRing ring = new WindowRing(window, customers);
        WindowRing copy = null;
        Model copied = null;
        int copyAt = random.nextInt(months);
        int growAt = random.nextInt(months);
        for (int t = -window; t < months; t++) {
            if (t == growAt) {
                ring.grow(customers + 1 + random.nextInt(20), random.nextBoolean() ? POOL : null);
            }
            int slot = ring.slotOf(t);
            for (int i = 0; i < customers; i++) {
                double u = random.nextDouble();
                if (u < 0.04) {
                    ring.clear(i);
                    model.clear(i);
                } else if (u < 0.10) {
                    continue; // inactive this month: nothing written, the slot keeps its old month
                } else if (u < 0.15) {
                    int bought = count(random, heavy, 300);
                    ring.writeObserved(i, slot, bought, bought, bought);
                    model.observed(i, slot, bought);
                } else {
                    int bought = count(random, heavy, 300);
                    int served = count(random, heavy, 200);
                    boolean offered = random.nextBoolean();
                    int voiced = count(random, heavy, 30);
                    int referred = random.nextInt(2);
                    ring.write(i, slot, bought, bought, bought, served, offered, voiced, referred);
                    model.write(i, slot, bought, served, offered, voiced, referred);
                }
            }
            assertCounts(ring, model, customers, "month " + t);
            if (t == copyAt) {
                copy = ring.copy();
                copied = model.copy();
            }
        }
        // The copy kept the counts of the month it was taken, whatever the original did since.
        assertCounts(copy, copied, customers, "copy");
    }

    /** A window of 255 purchases, 127 served and 15 complaints and referrals every month: every field overflows. */
    @Property(tries = 10)
    void longWindowsOfFullMonthsCountExactly(@ForAll @IntRange(min = 200, max = 300) int window) {
        int customers = 9;
        Model model = new Model(window, customers);
        WindowRing ring = new WindowRing(window, customers);
        for (int t = 0; t < window + 3; t++) {
            for (int i = 0; i < customers; i++) {
                ring.write(i, ring.slotOf(t), 1, 1, 255, 127, true, 15, 15);
                model.write(i, ring.slotOf(t), 255, 127, true, 15, 15);
            }
        }
        assertCounts(ring, model, customers, "full window");
        assertThat(model.counts(0)).containsExactly(255 * window, 255 * window, window, 127 * window, 15 * window,
                15 * window);
    }

    private static int count(Random random, double heavy, int max) {
        return random.nextDouble() < heavy ? random.nextInt(max + 1) : random.nextInt(4);
    }

    private static void assertCounts(WindowRing ring, Model model, int customers, String when) {
        int[] into = new int[WindowRing.COUNTS];
        for (int i = 0; i < customers; i++) {
            ring.counts(i, into);
            assertThat(into).as("%s, customer %d", when, i).containsExactly(model.counts(i));
        }
    }

    /** Each customer's window as plain slots of what the ring stores (saturated as documented). */
    private static final class Model {
        private final int window;
        /** [customer][slot]: purchases, served, offered (0/1), voiced, referrals. */
        private final int[][][] slots;

        Model(int window, int customers) {
            this.window = window;
            this.slots = new int[customers][window][5];
        }

        private Model(Model o) {
            this.window = o.window;
            this.slots = new int[o.slots.length][window][];
            for (int i = 0; i < o.slots.length; i++) {
                for (int k = 0; k < window; k++) {
                    slots[i][k] = o.slots[i][k].clone();
                }
            }
        }

        Model copy() {
            return new Model(this);
        }

        void write(int i, int slot, int bought, int served, boolean offered, int voiced, int referred) {
            slots[i][slot] = new int[] {Math.min(bought, 255), Math.min(served, 127), offered ? 1 : 0, Math.min(voiced, 15),
                referred};
        }

        /** A logged month replaces the purchases only. */
        void observed(int i, int slot, int bought) {
            slots[i][slot][0] = Math.min(bought, 255);
        }

        void clear(int i) {
            slots[i] = new int[window][5];
        }

        int[] counts(int i) {
            int[] c = new int[6];
            for (int[] s : slots[i]) {
                c[0] += s[0];
                c[1] += s[2] == 1 ? s[0] : 0;
                c[2] += s[2];
                c[3] += s[1];
                c[4] += s[3];
                c[5] += s[4];
            }
            return c;
        }
    }
}
