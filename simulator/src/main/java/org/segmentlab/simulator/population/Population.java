package org.segmentlab.simulator.population;

import java.util.Arrays;

/**
 * The latent traits of every customer ever acquired, one primitive array per trait (columnar; no object per
 * customer). Customer {@code i} is row {@code i} of every array. The archetype index is the ground truth the
 * classifier is scored against. Grows as customers are acquired; traits never change once drawn.
 * Not thread-safe for appends; concurrent readers and writers of disjoint rows are fine.
 */
public final class Population {
    private int size;
    private byte[] archetype;
    private float[] purchaseRate;
    private float[] spend;
    private float[] churn;
    private float[] priceSensitivity;
    private float[] advocacy;
    private float[] serviceDemand;
    private float[] satisfaction;
    private float[] badExperience;
    private boolean[] repAttached;
    private float[] dropout;

    private Population(int capacity) {
        archetype = new byte[capacity];
        purchaseRate = new float[capacity];
        spend = new float[capacity];
        churn = new float[capacity];
        priceSensitivity = new float[capacity];
        advocacy = new float[capacity];
        serviceDemand = new float[capacity];
        satisfaction = new float[capacity];
        badExperience = new float[capacity];
        repAttached = new boolean[capacity];
        dropout = new float[capacity];
    }

    /** An empty population with room for {@code capacity} customers before it grows. */
    public static Population withCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        return new Population(capacity);
    }

    /** Bytes of trait storage per customer (for heap estimates). */
    public static int bytesPerCustomer() {
        return 1 + 9 * Float.BYTES + 1;
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
            purchaseRate = Arrays.copyOf(purchaseRate, grown);
            spend = Arrays.copyOf(spend, grown);
            churn = Arrays.copyOf(churn, grown);
            priceSensitivity = Arrays.copyOf(priceSensitivity, grown);
            advocacy = Arrays.copyOf(advocacy, grown);
            serviceDemand = Arrays.copyOf(serviceDemand, grown);
            satisfaction = Arrays.copyOf(satisfaction, grown);
            badExperience = Arrays.copyOf(badExperience, grown);
            repAttached = Arrays.copyOf(repAttached, grown);
            dropout = Arrays.copyOf(dropout, grown);
        }
        size = (int) needed;
        return from;
    }

    /** A deep copy (strategies start from the same initial population but must not share mutable arrays). */
    public Population copy() {
        Population p = new Population(0);
        p.size = size;
        p.archetype = archetype.clone();
        p.purchaseRate = purchaseRate.clone();
        p.spend = spend.clone();
        p.churn = churn.clone();
        p.priceSensitivity = priceSensitivity.clone();
        p.advocacy = advocacy.clone();
        p.serviceDemand = serviceDemand.clone();
        p.satisfaction = satisfaction.clone();
        p.badExperience = badExperience.clone();
        p.repAttached = repAttached.clone();
        p.dropout = dropout.clone();
        return p;
    }

    // Live arrays: valid for rows [0, size()); an extend() may replace them, so re-read after growing.

    /** Archetype index of each customer: the ground truth. */
    public byte[] archetype() { return archetype; }
    /** λ: expected purchases per month. */
    public float[] purchaseRate() { return purchaseRate; }
    /** Mean basket value, in currency. */
    public float[] spend() { return spend; }
    /** θ: baseline monthly churn probability. */
    public float[] churn() { return churn; }
    /** ψ ∈ [0,1]: how much discounts drive purchases. */
    public float[] priceSensitivity() { return priceSensitivity; }
    /** a ∈ [0,1]: monthly referral probability of a satisfied customer. */
    public float[] advocacy() { return advocacy; }
    /** Expected service requests per month. */
    public float[] serviceDemand() { return serviceDemand; }
    /** Baseline satisfaction ∈ [0,1]: the starting level and the level it drifts back to. */
    public float[] satisfaction() { return satisfaction; }
    /** Probability that a purchase or request goes wrong. */
    public float[] badExperience() { return badExperience; }
    /** Whether the customer is tied to a sales representative. */
    public boolean[] repAttached() { return repAttached; }
    /** Probability of leaving right after each purchase (BG/NBD's p); 0 for most scenarios. */
    public float[] dropout() { return dropout; }
}
