package org.segmentlab.simulator.population;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

import org.segmentlab.simulator.scenario.Trait;

/**
 * The latent traits of every customer ever acquired, one primitive array per trait (columnar; no object per
 * customer). Customer {@code i} is row {@code i} of every array. The archetype index is the ground truth the
 * classifier is scored against. Grows as customers are acquired; traits never change once drawn.
 * Not thread-safe for appends; concurrent readers and writers of disjoint rows are fine.
 * <p>
 * The columns are the declared {@link Trait}s each customer draws: a float column per {@link Trait.Form#DRAWN} trait
 * ({@link #column}), a boolean column per {@link Trait.Form#CHANCE} trait ({@link #flags}); a trait of the archetype
 * ({@link Trait.Form#ARCHETYPE}) has none. Allocation, growth and copies walk the declarations.
 */
public final class Population {
    private static final Trait[] TRAITS = Trait.values();

    private int size;
    private byte[] archetype;
    /** By trait ordinal: the float column, or null for a trait that has none. */
    private float[][] floats;
    /** By trait ordinal: the boolean column, or null for a trait that has none. */
    private boolean[][] flags;

    private Population(int capacity) {
        archetype = new byte[capacity];
        floats = new float[TRAITS.length][];
        flags = new boolean[TRAITS.length][];
        for (Trait t : TRAITS) {
            switch (t.form()) {
                case DRAWN -> floats[t.ordinal()] = new float[capacity];
                case CHANCE -> flags[t.ordinal()] = new boolean[capacity];
                case ARCHETYPE -> {
                    // the archetype's own number: no column
                }
                default -> throw new AssertionError(t.form());
            }
        }
    }

    /** An empty population with room for {@code capacity} customers before it grows. */
    public static Population withCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        return new Population(capacity);
    }

    /** Bytes a customer takes in each column, the archetype's first (for heap estimates that see every array). */
    public static int[] columnBytes() {
        return IntStream.concat(IntStream.of(1), Arrays.stream(TRAITS)
                .mapToInt(t -> switch (t.form()) {
                    case DRAWN -> Float.BYTES;
                    case CHANCE -> 1;
                    case ARCHETYPE -> 0;
                }).filter(b -> b > 0)).toArray();
    }

    /** Bytes of trait storage per customer (for heap estimates): the archetype byte and one cell per column. */
    public static int bytesPerCustomer() {
        int bytes = 1;
        for (Trait t : TRAITS) {
            bytes += switch (t.form()) {
                case DRAWN -> Float.BYTES;
                case CHANCE -> 1;
                case ARCHETYPE -> 0;
            };
        }
        return bytes;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return archetype.length;
    }

    /**
     * Makes room for {@code count} more customers and returns the index of the first new row; the caller fills
     * rows {@code [returned, returned + count)}.
     */
    public int extend(int count) {
        int from = size;
        long needed = (long) size + count;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("population would exceed " + (Integer.MAX_VALUE - 8) + " customers");
        }
        if (needed > capacity()) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(needed, capacity() + (capacity() >> 1) + 16L));
            archetype = Arrays.copyOf(archetype, grown);
            for (int t = 0; t < TRAITS.length; t++) {
                floats[t] = floats[t] == null ? null : Arrays.copyOf(floats[t], grown);
                flags[t] = flags[t] == null ? null : Arrays.copyOf(flags[t], grown);
            }
        }
        size = (int) needed;
        return from;
    }

    /** How many columns {@link #retain} moves: the archetype's and each trait's (a trait without a column included). */
    public static int columnCount() {
        return 1 + TRAITS.length;
    }

    /**
     * Keeps the rows {@code rows[0 .. count-1]} (ascending) of one column as its rows {@code 0 .. count-1}, in place,
     * and zeroes the rows left behind up to {@link #size()}. Column 0 is the archetype, column 1 + t trait t's (nothing
     * for a trait without a column). The columns are independent: callers may move them side by side, then call
     * {@link #truncate}. The engine does this when it compacts churned customers away.
     */
    public void retain(int column, int[] rows, int count) {
        Objects.checkFromToIndex(0, count, size + 1);
        if (column == 0) {
            for (int k = 0; k < count; k++) {
                archetype[k] = archetype[rows[k]];
            }
            Arrays.fill(archetype, count, size, (byte) 0);
            return;
        }
        float[] f = floats[column - 1];
        if (f != null) {
            for (int k = 0; k < count; k++) {
                f[k] = f[rows[k]];
            }
            Arrays.fill(f, count, size, 0f);
        }
        boolean[] b = flags[column - 1];
        if (b != null) {
            for (int k = 0; k < count; k++) {
                b[k] = b[rows[k]];
            }
            Arrays.fill(b, count, size, false);
        }
    }

    /** Ends the population after its first {@code count} rows (after {@link #retain} moved the kept ones there). */
    public void truncate(int count) {
        Objects.checkFromToIndex(0, count, size + 1);
        size = count;
    }

    /** A deep copy (strategies start from the same initial population but must not share mutable arrays). */
    public Population copy() {
        Population p = new Population(0);
        p.size = size;
        p.archetype = archetype.clone();
        for (int t = 0; t < TRAITS.length; t++) {
            p.floats[t] = floats[t] == null ? null : floats[t].clone();
            p.flags[t] = flags[t] == null ? null : flags[t].clone();
        }
        return p;
    }

    // Live arrays: valid for rows [0, size()); an extend() may replace them, so re-read after growing.

    /** Archetype index of each customer: the ground truth. */
    public byte[] archetype() {
        return archetype;
    }

    /**
     * The column of a trait each customer draws as a number ({@link Trait.Form#DRAWN}).
     *
     * @throws IllegalArgumentException if the trait has no float column
     */
    public float[] column(Trait trait) {
        float[] c = floats[trait.ordinal()];
        if (c == null) {
            throw new IllegalArgumentException(trait.key() + " is not drawn as a number (its form is " + trait.form() + ")");
        }
        return c;
    }

    /**
     * The column of a trait each customer draws as yes or no ({@link Trait.Form#CHANCE}).
     *
     * @throws IllegalArgumentException if the trait has no boolean column
     */
    public boolean[] flags(Trait trait) {
        boolean[] c = flags[trait.ordinal()];
        if (c == null) {
            throw new IllegalArgumentException(trait.key() + " is not drawn as yes or no (its form is " + trait.form() + ")");
        }
        return c;
    }

    // The engine's named views of the columns.

    /** λ: expected purchases per month. */
    public float[] purchaseRate() {
        return floats[Trait.PURCHASE_RATE.ordinal()];
    }

    /** Mean basket value, in currency. */
    public float[] spend() {
        return floats[Trait.SPEND.ordinal()];
    }

    /** θ: baseline monthly churn probability. */
    public float[] churn() {
        return floats[Trait.CHURN.ordinal()];
    }

    /** ψ ∈ [0,1]: how much discounts drive purchases. */
    public float[] priceSensitivity() {
        return floats[Trait.PRICE_SENSITIVITY.ordinal()];
    }

    /** a ∈ [0,1]: monthly referral probability of a satisfied customer. */
    public float[] advocacy() {
        return floats[Trait.ADVOCACY.ordinal()];
    }

    /** Expected service requests per month. */
    public float[] serviceDemand() {
        return floats[Trait.SERVICE_DEMAND.ordinal()];
    }

    /** Baseline satisfaction ∈ [0,1]: the starting level and the level it drifts back to. */
    public float[] satisfaction() {
        return floats[Trait.SATISFACTION.ordinal()];
    }

    /** Probability that a purchase or request goes wrong. */
    public float[] badExperience() {
        return floats[Trait.BAD_EXPERIENCE.ordinal()];
    }

    /** Whether the customer is tied to a sales representative. */
    public boolean[] repAttached() {
        return flags[Trait.REP_ATTACHED.ordinal()];
    }

    /** Probability of leaving right after each purchase (BG/NBD's p); 0 for most scenarios. */
    public float[] dropout() {
        return floats[Trait.DROPOUT.ordinal()];
    }
}
