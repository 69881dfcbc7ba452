package org.segmentlab.simulator.scenario;

/**
 * How satisfaction, word of mouth and churn interact (DESIGN.md, "One month").
 *
 * @param promoterThreshold               satisfaction at or above which a customer is a promoter
 * @param detractorThreshold              satisfaction below which a customer is a detractor
 * @param satisfactionDrift               share of the gap to the baseline satisfaction closed each month
 * @param complaintImpact                 satisfaction lost per complaint
 * @param purchaseSatisfactionSensitivity sensitivity of purchases to satisfaction (g; 0 switches it off)
 * @param churnSatisfactionSensitivity    sensitivity of churn to dissatisfaction (h; 0 switches it off)
 * @param discountElasticity              extra purchases per unit of discount for a fully price-sensitive customer
 * @param negativeWomChurnEffect          ν: churn multiplier per unit of detractor share
 * @param complaintMemory                 months a complaint keeps a customer a detractor
 * @param featureWindow                   trailing window of the observable features, in months
 * @param reclassifyEvery                 months between reclassifications
 */
public record Behaviour(
        double promoterThreshold,
        double detractorThreshold,
        double satisfactionDrift,
        double complaintImpact,
        double purchaseSatisfactionSensitivity,
        double churnSatisfactionSensitivity,
        double discountElasticity,
        double negativeWomChurnEffect,
        int complaintMemory,
        int featureWindow,
        int reclassifyEvery) {
}
