package org.segmentlab.simulator.scenario;

/**
 * The market (Bass form): potential M, initial customers, innovation p, imitation q, the weight κ of a detractor
 * against a promoter, the cost of acquiring a customer, and the chance a referred customer copies the referrer's archetype.
 * {@code potential} and {@code initialCustomers} are required in a scenario; the defaults of the others switch
 * their effect off.
 *
 * @param potential        M: everyone who could ever become a customer, 1 to 2e9 (required)
 * @param initialCustomers customers at month 0, part of M: 0 to potential (required)
 * @param innovation       p: monthly probability of joining from advertising, in [0, 1] (default 0)
 * @param imitation        q: word-of-mouth coefficient, in [0, 10] (default 0)
 * @param negativeWeight   κ: weight of a detractor against a promoter, in [0, 100] (default 1)
 * @param acquisitionCost  cost per new customer, 0 to 1e12 (default 0)
 * @param referralLean     chance a referred customer copies the referrer's archetype, in [0, 1] (default 0)
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
