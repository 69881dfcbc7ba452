package org.segmentlab.simulator.scenario;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A latent kind of customer: its share of the mixture and the value of each {@link Trait} (docs/model.md). Every
 * customer keeps its archetype index as the ground truth. A trait written as a distribution ({@link Trait.Form#DRAWN})
 * holds it; a trait written as a plain number holds a {@link Distribution.Constant} of it ({@link #value}).
 *
 * @param name   letters, digits, '-' or '_', starting with a letter; unique in the scenario
 * @param share  share of the customers, in [0, 1]; the shares of a scenario sum to 1
 * @param traits every trait, in declaration order; a trait missing from the map given to the constructor takes its
 *               default (a constant), and a missing required one is refused
 */
public record Archetype(String name, double share, Map<Trait, Distribution> traits) {

    /**
     * @throws IllegalArgumentException if a required trait is missing, a trait is mapped to null, or a trait written
     *                                  as a plain number is not a constant
     */
    public Archetype {
        Objects.requireNonNull(traits, "traits");
        EnumMap<Trait, Distribution> all = new EnumMap<>(Trait.class);
        for (Trait t : Trait.values()) {
            Distribution d = traits.get(t);
            if (d == null && traits.containsKey(t)) {
                throw new IllegalArgumentException("archetype " + name + ": " + t.key() + ": missing distribution");
            }
            if (d == null && t.required()) {
                throw new IllegalArgumentException("archetype " + name + ": " + t.key() + " is required");
            }
            d = d == null ? new Distribution.Constant(t.defaultValue()) : d;
            if (!t.isDistribution() && !(d instanceof Distribution.Constant)) {
                throw new IllegalArgumentException("archetype " + name + ": " + t.key() + " is a plain number, got " + d);
            }
            all.put(t, d);
        }
        traits = Collections.unmodifiableMap(all);
    }

    /**
     * The traits of the first version in their declaration order, {@code dropout} included; later traits take their
     * defaults.
     */
    public Archetype(String name, double share, Distribution purchaseRate, Distribution spend, double basketNoise,
                     Distribution churn, Distribution priceSensitivity, Distribution advocacy,
                     Distribution serviceDemand, Distribution satisfaction, Distribution badExperience,
                     double repAttached, Distribution dropout) {
        this(name, share, first(purchaseRate, spend, basketNoise, churn, priceSensitivity, advocacy, serviceDemand,
                satisfaction, badExperience, repAttached, dropout));
    }

    /** An archetype without purchase-coupled dropout (the usual case). */
    public Archetype(String name, double share, Distribution purchaseRate, Distribution spend, double basketNoise,
                     Distribution churn, Distribution priceSensitivity, Distribution advocacy,
                     Distribution serviceDemand, Distribution satisfaction, Distribution badExperience,
                     double repAttached) {
        this(name, share, purchaseRate, spend, basketNoise, churn, priceSensitivity, advocacy, serviceDemand,
                satisfaction, badExperience, repAttached, new Distribution.Constant(0));
    }

    private static Map<Trait, Distribution> first(Distribution purchaseRate, Distribution spend, double basketNoise,
                                                  Distribution churn, Distribution priceSensitivity,
                                                  Distribution advocacy, Distribution serviceDemand,
                                                  Distribution satisfaction, Distribution badExperience,
                                                  double repAttached, Distribution dropout) {
        EnumMap<Trait, Distribution> m = new EnumMap<>(Trait.class);
        m.put(Trait.PURCHASE_RATE, purchaseRate);
        m.put(Trait.SPEND, spend);
        m.put(Trait.BASKET_NOISE, new Distribution.Constant(basketNoise));
        m.put(Trait.CHURN, churn);
        m.put(Trait.PRICE_SENSITIVITY, priceSensitivity);
        m.put(Trait.ADVOCACY, advocacy);
        m.put(Trait.SERVICE_DEMAND, serviceDemand);
        m.put(Trait.SATISFACTION, satisfaction);
        m.put(Trait.BAD_EXPERIENCE, badExperience);
        m.put(Trait.REP_ATTACHED, new Distribution.Constant(repAttached));
        m.put(Trait.DROPOUT, dropout);
        return m;
    }

    /** The trait's distribution (a constant for a trait written as a plain number). */
    public Distribution distribution(Trait trait) {
        return traits.get(trait);
    }

    /** The number of a trait written as a plain number ({@link Trait.Form#CHANCE}, {@link Trait.Form#ARCHETYPE}). */
    public double value(Trait trait) {
        if (trait.isDistribution()) {
            throw new IllegalArgumentException(trait.key() + " is a distribution, not a plain number");
        }
        return ((Distribution.Constant) traits.get(trait)).value();
    }

    /** λ: expected purchases per month. */
    public Distribution purchaseRate() {
        return distribution(Trait.PURCHASE_RATE);
    }

    /** The customer's mean basket value. */
    public Distribution spend() {
        return distribution(Trait.SPEND);
    }

    /** Sigma of the mean-1 lognormal spread of each purchase around the customer's spend. */
    public double basketNoise() {
        return value(Trait.BASKET_NOISE);
    }

    /** θ: baseline monthly probability of leaving. */
    public Distribution churn() {
        return distribution(Trait.CHURN);
    }

    /** ψ: how much discounts drive the customer. */
    public Distribution priceSensitivity() {
        return distribution(Trait.PRICE_SENSITIVITY);
    }

    /** Probability a satisfied customer refers someone in a month. */
    public Distribution advocacy() {
        return distribution(Trait.ADVOCACY);
    }

    /** Service requests per month. */
    public Distribution serviceDemand() {
        return distribution(Trait.SERVICE_DEMAND);
    }

    /** Initial satisfaction, and the level it drifts back to. */
    public Distribution satisfaction() {
        return distribution(Trait.SATISFACTION);
    }

    /** Probability that a purchase or request goes wrong. */
    public Distribution badExperience() {
        return distribution(Trait.BAD_EXPERIENCE);
    }

    /** Probability that a customer is tied to a sales representative. */
    public double repAttached() {
        return value(Trait.REP_ATTACHED);
    }

    /** Probability of leaving right after each purchase (the BG/NBD dropout). */
    public Distribution dropout() {
        return distribution(Trait.DROPOUT);
    }
}
