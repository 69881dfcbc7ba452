package org.segmentlab.simulator.scenario;

/**
 * A latent kind of customer: its share of the mixture and the distribution of each trait
 * (DESIGN.md, "Population"). Every customer keeps its archetype index as the ground truth.
 *
 * @param basketNoise sigma of the mean-1 lognormal spread of each purchase around the customer's spend
 * @param repAttached probability that a customer is tied to a sales representative
 */
public record Archetype(
        String name,
        double share,
        Distribution purchaseRate,
        Distribution spend,
        double basketNoise,
        Distribution churn,
        Distribution priceSensitivity,
        Distribution advocacy,
        Distribution serviceDemand,
        Distribution satisfaction,
        Distribution badExperience,
        double repAttached) {
}
