package org.segmentlab.simulator.scenario;

/**
 * A latent kind of customer: its share of the mixture and the distribution of each trait
 * (docs/model.md). Every customer keeps its archetype index as the ground truth.
 * In a scenario {@code name}, {@code share}, {@code purchaseRate} and {@code spend} are required; the other traits
 * default to constants (in brackets). Probabilities have distributions whose support lies in [0, 1]; rates and
 * money have distributions that cannot go negative.
 *
 * @param name             letters, digits, '-' or '_', starting with a letter; unique in the scenario
 * @param share            share of the customers, in [0, 1]; the shares of a scenario sum to 1
 * @param purchaseRate     λ: expected purchases per month, ≥ 0 (required)
 * @param spend            the customer's mean basket value, ≥ 0 (required)
 * @param basketNoise      sigma of the mean-1 lognormal spread of each purchase around the customer's spend, in [0, 10] (0)
 * @param churn            θ: baseline monthly probability of leaving (constant 0)
 * @param priceSensitivity ψ: how much discounts drive the customer, in [0, 1] (constant 0)
 * @param advocacy         probability a satisfied customer refers someone in a month (constant 0)
 * @param serviceDemand    service requests per month, ≥ 0 (constant 0)
 * @param satisfaction     initial satisfaction, and the level it drifts back to (constant 0.7)
 * @param badExperience    probability that a purchase or request goes wrong (constant 0)
 * @param repAttached      probability that a customer is tied to a sales representative, in [0, 1] (0)
 * @param dropout          probability of leaving right after each purchase, in [0, 1] (constant 0): the BG/NBD
 *                         dropout that couples leaving to buying; a calibrated scenario uses it instead of churn
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
        double repAttached,
        Distribution dropout) {

    /** An archetype without purchase-coupled dropout (the usual case). */
    public Archetype(String name, double share, Distribution purchaseRate, Distribution spend, double basketNoise,
                     Distribution churn, Distribution priceSensitivity, Distribution advocacy,
                     Distribution serviceDemand, Distribution satisfaction, Distribution badExperience,
                     double repAttached) {
        this(name, share, purchaseRate, spend, basketNoise, churn, priceSensitivity, advocacy, serviceDemand,
                satisfaction, badExperience, repAttached, new Distribution.Constant(0));
    }
}
