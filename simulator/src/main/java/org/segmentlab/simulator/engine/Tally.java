package org.segmentlab.simulator.engine;

import java.util.Arrays;

/**
 * What one chunk of customers contributed to a month. Each chunk fills its own tally; tallies are then added
 * in chunk order, so floating-point sums come out bit-identical for any number of threads.
 */
final class Tally {
    double grossSales;
    double revenue;
    double discountCost;
    double serviceFees;
    double serviceCost;
    double treatmentCost;
    /** V⁺: summed advocacy of promoters. */
    double advocacy;
    double satisfaction;
    long evaluated;
    long promoters;
    long detractors;
    long referrals;
    long complaints;
    /** Every bad experience, voiced or not (complaints are the voiced ones). */
    long badExperiences;
    long purchases;
    long terminated;
    long churned;
    /** Rows gone for good after this month ({@link ChurnedRows#gone}): what compaction would drop. */
    long gone;
    long active;
    long activeInitial;
    /** Ex-customers back this month: by the market's channels, and by a win-back offer. */
    long returnedByMarket;
    long returnedByOffer;
    /** Win-back offers made (ex-customer-months) and what they cost. */
    long winBackContacts;
    double winBackCost;
    final long[] referralsByArchetype;
    final long[] segmentCounts;
    final long[] transitions;
    /** Customers classified for the first time (acquired since the last classification), by the segment they enter. */
    final long[] entries;
    final long[] confusion;
    final long[] cohortActive;
    final double[] marginByInitialSegment;
    /** Margin by {@link org.segmentlab.simulator.metrics.AcquisitionChannel}. */
    final double[] marginByChannel = new double[org.segmentlab.simulator.metrics.AcquisitionChannel.values().length];
    /**
     * Active customers at the end of the month by {@link org.segmentlab.simulator.metrics.AcquisitionChannel}, counted
     * for customers acquired in the run only (index 0, the month-0 customers, stays 0: active minus the rest).
     */
    final long[] activeByChannel = new long[org.segmentlab.simulator.metrics.AcquisitionChannel.values().length];

    Tally(int archetypes, int segments, int months) {
        referralsByArchetype = new long[archetypes];
        segmentCounts = new long[segments];
        transitions = new long[segments * segments];
        entries = new long[segments];
        confusion = new long[segments * segments];
        cohortActive = new long[months + 1];
        marginByInitialSegment = new double[segments];
    }

    void clear() {
        grossSales = 0;
        revenue = 0;
        discountCost = 0;
        serviceFees = 0;
        serviceCost = 0;
        treatmentCost = 0;
        advocacy = 0;
        satisfaction = 0;
        evaluated = 0;
        promoters = 0;
        detractors = 0;
        referrals = 0;
        complaints = 0;
        badExperiences = 0;
        purchases = 0;
        terminated = 0;
        churned = 0;
        gone = 0;
        active = 0;
        activeInitial = 0;
        returnedByMarket = 0;
        returnedByOffer = 0;
        winBackContacts = 0;
        winBackCost = 0;
        Arrays.fill(marginByChannel, 0);
        Arrays.fill(activeByChannel, 0);
        Arrays.fill(referralsByArchetype, 0);
        Arrays.fill(segmentCounts, 0);
        Arrays.fill(transitions, 0);
        Arrays.fill(entries, 0);
        Arrays.fill(confusion, 0);
        Arrays.fill(cohortActive, 0);
        Arrays.fill(marginByInitialSegment, 0);
    }

    /** Adds another chunk's tally into this one. */
    void add(Tally o) {
        grossSales += o.grossSales;
        revenue += o.revenue;
        discountCost += o.discountCost;
        serviceFees += o.serviceFees;
        serviceCost += o.serviceCost;
        treatmentCost += o.treatmentCost;
        advocacy += o.advocacy;
        satisfaction += o.satisfaction;
        evaluated += o.evaluated;
        promoters += o.promoters;
        detractors += o.detractors;
        referrals += o.referrals;
        complaints += o.complaints;
        badExperiences += o.badExperiences;
        purchases += o.purchases;
        terminated += o.terminated;
        churned += o.churned;
        gone += o.gone;
        active += o.active;
        activeInitial += o.activeInitial;
        returnedByMarket += o.returnedByMarket;
        returnedByOffer += o.returnedByOffer;
        winBackContacts += o.winBackContacts;
        winBackCost += o.winBackCost;
        for (int c = 0; c < marginByChannel.length; c++) {
            marginByChannel[c] += o.marginByChannel[c];
        }
        addInto(activeByChannel, o.activeByChannel);
        addInto(referralsByArchetype, o.referralsByArchetype);
        addInto(segmentCounts, o.segmentCounts);
        addInto(transitions, o.transitions);
        addInto(entries, o.entries);
        addInto(confusion, o.confusion);
        addInto(cohortActive, o.cohortActive);
        for (int i = 0; i < marginByInitialSegment.length; i++) {
            marginByInitialSegment[i] += o.marginByInitialSegment[i];
        }
    }

    private static void addInto(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }
}
