package org.segmentlab.simulator.scenario;

import static org.segmentlab.simulator.scenario.MarketParameter.ACQUISITION_COST;
import static org.segmentlab.simulator.scenario.MarketParameter.ADVERTISING_LIFT;
import static org.segmentlab.simulator.scenario.MarketParameter.ADVERTISING_SATURATION;
import static org.segmentlab.simulator.scenario.MarketParameter.ADVERTISING_TARGETING_PREMIUM;
import static org.segmentlab.simulator.scenario.MarketParameter.IMITATION;
import static org.segmentlab.simulator.scenario.MarketParameter.INITIAL_CUSTOMERS;
import static org.segmentlab.simulator.scenario.MarketParameter.INNOVATION;
import static org.segmentlab.simulator.scenario.MarketParameter.NEGATIVE_WEIGHT;
import static org.segmentlab.simulator.scenario.MarketParameter.POTENTIAL;
import static org.segmentlab.simulator.scenario.MarketParameter.REFERRAL_CONVERSION;
import static org.segmentlab.simulator.scenario.MarketParameter.REFERRAL_COST;
import static org.segmentlab.simulator.scenario.MarketParameter.REFERRAL_LEAN;
import static org.segmentlab.simulator.scenario.MarketParameter.REPUTATION_EFFECT;
import static org.segmentlab.simulator.scenario.MarketParameter.REPUTATION_GAIN;
import static org.segmentlab.simulator.scenario.MarketParameter.REPUTATION_LOSS;
import static org.segmentlab.simulator.scenario.MarketParameter.WIN_BACK_DELAY;
import static org.segmentlab.simulator.scenario.MarketParameter.WIN_BACK_SHARE;

import java.util.function.ToDoubleFunction;

/**
 * The market (docs/model.md, stage 6): potential M, initial customers, innovation p, imitation q, the damping κ of
 * negative word of mouth, acquisition costs, referrals, reputation, the response to advertising spend and win-back.
 * {@code potential} and {@code initialCustomers} are required in a scenario; defaults in brackets. Each value is
 * declared once, in {@link MarketParameter}: {@link #get} and {@link #of} are the bridge between a declaration and
 * its accessor.
 *
 * @param potential          M: everyone who could ever become a customer, 1 to 2e9 (required)
 * @param initialCustomers   customers at month 0, part of M: 0 to potential (required)
 * @param innovation         p: monthly probability of joining from the standing advertising, in [0, 1] (0)
 * @param imitation          q: imitation (word-of-mouth) coefficient of the Bass model, in [0, 10] (0)
 * @param negativeWeight     κ: every channel's conversion is multiplied by exp(−κ · detractor share), in [0, 100] (1)
 * @param acquisitionCost    cost per customer acquired by advertising or imitation, 0 to 1e12 (0)
 * @param referralLean       chance a referred customer copies the referrer's archetype, in [0, 1] (0)
 * @param referralConversion probability a referral becomes a customer (before damping and reputation), in [0, 1] (0.05:
 *                           one referral in twenty brings a customer)
 * @param referralCost       cost per customer acquired by referral (a reward), 0 to 1e12 (half the acquisitionCost)
 * @param reputation         how the reputation stock moves and what it scales
 * @param advertising        how a strategy's advertising spend turns into customers
 * @param winBack            who of the churned may come back, and when
 */
public record Market(
        long potential,
        int initialCustomers,
        double innovation,
        double imitation,
        double negativeWeight,
        double acquisitionCost,
        double referralLean,
        double referralConversion,
        double referralCost,
        Reputation reputation,
        AdvertisingResponse advertising,
        WinBack winBack) {

    /**
     * The Bass market of the first seven values, with the mechanisms added later switched off: referrals do not
     * convert, reputation scales nothing and nobody comes back.
     */
    public Market(long potential, int initialCustomers, double innovation, double imitation, double negativeWeight,
                  double acquisitionCost, double referralLean) {
        this(potential, initialCustomers, innovation, imitation, negativeWeight, acquisitionCost, referralLean, 0,
                acquisitionCost / 2, Reputation.DEFAULT.withEffect(0), AdvertisingResponse.DEFAULT, WinBack.OFF);
    }

    /** The market whose value of each declared parameter is {@code value}'s (whole numbers as their double). */
    public static Market of(ToDoubleFunction<MarketParameter> value) {
        return new Market((long) value.applyAsDouble(POTENTIAL), (int) value.applyAsDouble(INITIAL_CUSTOMERS),
                value.applyAsDouble(INNOVATION), value.applyAsDouble(IMITATION), value.applyAsDouble(NEGATIVE_WEIGHT),
                value.applyAsDouble(ACQUISITION_COST), value.applyAsDouble(REFERRAL_LEAN),
                value.applyAsDouble(REFERRAL_CONVERSION), value.applyAsDouble(REFERRAL_COST),
                new Reputation(value.applyAsDouble(REPUTATION_GAIN), value.applyAsDouble(REPUTATION_LOSS),
                        value.applyAsDouble(REPUTATION_EFFECT)),
                new AdvertisingResponse(value.applyAsDouble(ADVERTISING_LIFT), value.applyAsDouble(ADVERTISING_SATURATION),
                        value.applyAsDouble(ADVERTISING_TARGETING_PREMIUM)),
                new WinBack(value.applyAsDouble(WIN_BACK_SHARE), (int) value.applyAsDouble(WIN_BACK_DELAY)));
    }

    /** The value of a declared parameter (a whole number as its double). */
    public double get(MarketParameter p) {
        return switch (p) {
            case POTENTIAL -> potential;
            case INITIAL_CUSTOMERS -> initialCustomers;
            case INNOVATION -> innovation;
            case IMITATION -> imitation;
            case NEGATIVE_WEIGHT -> negativeWeight;
            case ACQUISITION_COST -> acquisitionCost;
            case REFERRAL_LEAN -> referralLean;
            case REFERRAL_CONVERSION -> referralConversion;
            case REFERRAL_COST -> referralCost;
            case REPUTATION_GAIN -> reputation.gain();
            case REPUTATION_LOSS -> reputation.loss();
            case REPUTATION_EFFECT -> reputation.effect();
            case ADVERTISING_LIFT -> advertising.lift();
            case ADVERTISING_SATURATION -> advertising.saturation();
            case ADVERTISING_TARGETING_PREMIUM -> advertising.targetingPremium();
            case WIN_BACK_SHARE -> winBack.share();
            case WIN_BACK_DELAY -> winBack.delay();
        };
    }

    /** The same market with one value changed (a whole number given as its double). */
    public Market with(MarketParameter p, double value) {
        return of(q -> q == p ? value : get(q));
    }

    /**
     * The reputation stock ρ (docs/model.md, stage 6): each month it moves toward the month's net word of mouth by
     * {@code gain} of the gap when that is above it and {@code loss} when below (trust is built slowly and lost fast),
     * plus the events' {@code reputationDelta}. Advertising and referral conversion are multiplied by
     * exp(effect · (ρ − ρ₀)), ρ₀ the reputation at month 0, so p and referralConversion keep their meaning at the start.
     *
     * @param gain   share of the gap closed in a month when word of mouth is better than the reputation, in [0, 1] (0.1)
     * @param loss   share of the gap closed in a month when it is worse, in [0, 1] (0.3)
     * @param effect how strongly reputation scales conversion, in [0, 100]; 0 switches the effect off (2)
     */
    public record Reputation(double gain, double loss, double effect) {
        public static final Reputation DEFAULT = new Reputation(REPUTATION_GAIN.defaultValue(),
                REPUTATION_LOSS.defaultValue(), REPUTATION_EFFECT.defaultValue());

        public Reputation withEffect(double e) {
            return new Reputation(gain, loss, e);
        }
    }

    /**
     * Diminishing returns of a strategy's advertising spend S: the campaign adds p · lift · (1 − exp(−S′/saturation))
     * to the innovation, where S′ = S, or S / (1 + targetingPremium) for a campaign aimed at some archetypes (a targeted
     * euro reaches fewer people).
     *
     * @param lift             the campaign's largest addition to the innovation, as a multiple of p, in [0, 100] (1)
     * @param saturation       spend per month that reaches 63% of the lift, 1 to 1e12 (20000)
     * @param targetingPremium reach lost by targeting, in [0, 100] (0.5: a targeted euro reaches 2/3 of an untargeted one)
     */
    public record AdvertisingResponse(double lift, double saturation, double targetingPremium) {
        public static final AdvertisingResponse DEFAULT = new AdvertisingResponse(ADVERTISING_LIFT.defaultValue(),
                ADVERTISING_SATURATION.defaultValue(), ADVERTISING_TARGETING_PREMIUM.defaultValue());
    }

    /**
     * Churned customers who may come back: a {@code share} of them (drawn once per customer) return to the potential
     * pool {@code delay} months after leaving and can be acquired again, by the same channels and at the same rate
     * as someone never acquired; a {@code win-back} treatment contacts them sooner.
     *
     * @param share share of the churned open to returning, in [0, 1] (0: nobody comes back)
     * @param delay months after churning before they are in the pool again, 0 to 1200 (6)
     */
    public record WinBack(double share, int delay) {
        /** The declared defaults: nobody comes back. */
        public static final WinBack OFF = new WinBack(WIN_BACK_SHARE.defaultValue(), (int) WIN_BACK_DELAY.defaultValue());
    }
}
