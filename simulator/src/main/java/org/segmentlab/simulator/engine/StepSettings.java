package org.segmentlab.simulator.engine;

import org.segmentlab.simulator.scenario.Behaviour;
import org.segmentlab.simulator.scenario.Observation;
import org.segmentlab.simulator.scenario.Scenario;

/** The scenario's behavioural constants the monthly stages read, taken out of the scenario once per replication. */
final class StepSettings {
    final long seed;
    final int replication;
    final int window;
    final int months;
    final double grossMargin;
    final double costPerRequest;
    final double promoterThreshold;
    final double detractorThreshold;
    final double drift;
    final double complaintImpact;
    final double purchaseSensitivity;
    final double churnSensitivity;
    final double elasticity;
    final double negativeWomChurn;
    final int complaintMemory;
    final int reclassifyEvery;
    final double referencePriceMemory;
    final double priceGapPurchase;
    final double priceGapChurn;
    final double dealTraining;
    final double feeElasticity;
    final double feeSatisfactionImpact;
    final double terminationDetractor;
    final int terminationDetractorMonths;
    final double surveyRate;
    final double surveyNoise;
    final boolean satisfactionExact;
    final double voiceRate;
    final double tenureSpendGrowth;
    final double tenureServiceDecline;
    /**
     * (1 − tenureServiceDecline)^years for each whole number of months of tenure below {@link #TENURE_TABLE_MONTHS}:
     * one {@code pow} per tenure instead of one per customer-month (it was about 8% of the month's time), the same
     * numbers bit for bit.
     */
    private final double[] serviceDeclineByTenure;
    /** Months of tenure the table covers (100 years): longer tenures, and negative ones, call {@code pow}. */
    static final int TENURE_TABLE_MONTHS = 1200;
    final double winBackShare;
    final int winBackDelay;
    /** Basket noise σ by archetype. */
    final float[] basketSigma;

    StepSettings(Scenario scenario, int replication) {
        this.seed = scenario.seed();
        this.replication = replication;
        this.months = scenario.months();
        Behaviour b = scenario.behaviour();
        this.window = b.featureWindow();
        this.grossMargin = scenario.economics().grossMargin();
        this.costPerRequest = scenario.economics().serviceCostPerRequest();
        this.promoterThreshold = b.promoterThreshold();
        this.detractorThreshold = b.detractorThreshold();
        this.drift = b.satisfactionDrift();
        this.complaintImpact = b.complaintImpact();
        this.purchaseSensitivity = b.purchaseSatisfactionSensitivity();
        this.churnSensitivity = b.churnSatisfactionSensitivity();
        this.elasticity = b.discountElasticity();
        this.negativeWomChurn = b.negativeWomChurnEffect();
        this.complaintMemory = b.complaintMemory();
        this.reclassifyEvery = b.reclassifyEvery();
        this.referencePriceMemory = b.referencePriceMemory();
        this.priceGapPurchase = b.priceGapPurchaseEffect();
        this.priceGapChurn = b.priceGapChurnEffect();
        this.dealTraining = b.dealTraining();
        this.feeElasticity = b.serviceFeeElasticity();
        this.feeSatisfactionImpact = b.serviceFeeSatisfactionImpact();
        this.terminationDetractor = b.terminationDetractorProbability();
        this.terminationDetractorMonths = b.terminationDetractorMonths();
        Observation o = scenario.observation();
        this.surveyRate = o.surveyRate();
        this.surveyNoise = o.surveyNoise();
        this.satisfactionExact = o.satisfactionExact();
        this.voiceRate = o.voiceRate();
        this.tenureSpendGrowth = b.tenureSpendGrowth();
        this.tenureServiceDecline = b.tenureServiceDecline();
        this.serviceDeclineByTenure = new double[tenureServiceDecline == 0 ? 0 : TENURE_TABLE_MONTHS];
        for (int k = 0; k < serviceDeclineByTenure.length; k++) {
            serviceDeclineByTenure[k] = serviceDecline(k * (1.0 / 12));
        }
        this.winBackShare = scenario.market().winBack().share();
        this.winBackDelay = scenario.market().winBack().delay();
        this.basketSigma = new float[scenario.archetypes().size()];
        for (int a = 0; a < basketSigma.length; a++) {
            basketSigma[a] = (float) scenario.archetypes().get(a).basketNoise();
        }
    }

    /** The key of (seed, replication, month t): every customer draw of the month starts from it. */
    long monthKey(int t) {
        return CustomerRandom.monthKey(seed, replication, t);
    }

    /** g(s): purchases rise with satisfaction above the customer's baseline; 1 when the sensitivity is 0. */
    double purchaseFactor(float s, float s0) {
        return purchaseSensitivity == 0 ? 1.0 : Math.exp(purchaseSensitivity * (s - s0));
    }

    /** h(s): churn rises as satisfaction falls below the customer's baseline; 1 when the sensitivity is 0. */
    double churnFactor(float s, float s0) {
        return churnSensitivity == 0 ? 1.0 : Math.exp(churnSensitivity * (s0 - s));
    }

    /** Customer i's service requests fall with tenure: the factor on its demand in month t (1 without the effect). */
    double serviceDecline(MarketState st, int i, int t) {
        int tenure = t - st.acquired[i];
        if (tenure >= 0 && tenure < serviceDeclineByTenure.length) {
            return serviceDeclineByTenure[tenure];
        }
        return tenureServiceDecline == 0 ? 1 : serviceDecline(years(st, i, t));
    }

    private double serviceDecline(double years) {
        return Math.pow(1 - tenureServiceDecline, years);
    }

    /** Years since customer i was acquired, for the tenure effects. */
    static double years(MarketState st, int i, int t) {
        return (t - st.acquired[i]) * (1.0 / 12);
    }
}
