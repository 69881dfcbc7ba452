package org.segmentlab.simulator.scenario;

/**
 * The market (Bass form): potential M, initial customers, innovation p, imitation q, the weight κ of a detractor
 * against a promoter, the cost of acquiring a customer, and the chance a referred customer copies the referrer's archetype.
 */
public record Market(
        long potential,
        int initialCustomers,
        double innovation,
        double imitation,
        double negativeWeight,
        double acquisitionCost,
        double referralLean) {
}
