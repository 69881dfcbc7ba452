package org.segmentlab.simulator.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The traits of an archetype, each declared once, here: its scenario key, what its values are ({@link Kind}: a
 * probability, a rate, money, a spread), how a customer gets it ({@link Form}: drawn from a distribution, a yes/no
 * chance, or the archetype's own number), its default (or required), unit, help, a typical value and a clearly
 * non-default probe value. The loader's reading and checks, {@link ScenarioKeys#ARCHETYPE}, {@link ScenarioWriter},
 * the JSON Schema's {@code archetype} definition, the docs table (docs/model.md), the population's columns and the
 * generator's draws are derived from these declarations; a test runs every trait at its probe value to show the engine
 * reads it.
 * <p>
 * <b>The declaration order is the draw order</b> (part of the reproducibility contract): each customer draws its
 * traits in this order, skipping those of {@link Form#ARCHETYPE}. To add a trait, append a constant at the end (so
 * every earlier draw stays where it was), read its column in the engine ({@code Population.column(trait)}), then
 * regenerate the schema and docs (the tests that check them print the command).
 */
public enum Trait implements DeclaredValue {
    PURCHASE_RATE("purchaseRate", "λ", Kind.RATE, Form.DRAWN, Double.NaN, 3, "purchases per month",
            "expected purchases per month", "{dist: gamma, shape: 2, scale: 0.5}",
            "Expected purchases per month, the rate of the customer's Poisson purchases."),
    SPEND("spend", "", Kind.MONEY, Form.DRAWN, Double.NaN, 150, "currency per purchase",
            "the mean basket value", "{dist: lognormal, median: 40, sigma: 0.8}",
            "The customer's mean basket value."),
    BASKET_NOISE("basketNoise", "σ", Kind.SPREAD, Form.ARCHETYPE, 0, 0.8, "log standard deviation",
            "the spread of each basket around spend", "0.3",
            "Sigma of the mean-1 lognormal spread of each purchase around the customer's `spend`: one number for the "
                    + "archetype, not drawn per customer."),
    CHURN("churn", "θ", Kind.PROBABILITY, Form.DRAWN, 0, 0.3, "probability per month",
            "the baseline monthly probability of leaving", "{dist: beta, alpha: 1, beta: 60}",
            "Baseline probability of leaving in a month."),
    PRICE_SENSITIVITY("priceSensitivity", "ψ", Kind.PROBABILITY, Form.DRAWN, 0, 1, "0 (indifferent) … 1",
            "how much discounts drive the customer", "{dist: beta, alpha: 1, beta: 9}",
            "How much discounts drive the customer's purchases, and how much a price above the one they remember "
                    + "lowers purchases and raises churn.",
            "promotions: {every: 2, discount: 0.3}"),
    ADVOCACY("advocacy", "a", Kind.PROBABILITY, Form.DRAWN, 0, 0.8, "probability per month",
            "the monthly referral probability of a satisfied customer", "{dist: beta, alpha: 3, beta: 7}",
            "Probability a satisfied customer (a promoter) refers someone in a month."),
    SERVICE_DEMAND("serviceDemand", "", Kind.RATE, Form.DRAWN, 0, 2, "requests per month",
            "service requests per month", "{dist: gamma, shape: 1, scale: 0.2}",
            "Expected service requests per month, the rate of the customer's Poisson requests."),
    SATISFACTION("satisfaction", "s₀", Kind.PROBABILITY, Form.DRAWN, 0.7, 0.1, "0 (unhappy) … 1",
            "the initial satisfaction", "{dist: beta, alpha: 8, beta: 2}",
            "Initial satisfaction, and the level it drifts back to."),
    BAD_EXPERIENCE("badExperience", "", Kind.PROBABILITY, Form.DRAWN, 0, 0.3, "probability per purchase or request",
            "the probability that a purchase or request goes wrong", "0.01",
            "Probability that a purchase or a service request goes wrong (a bad experience, perhaps a complaint)."),
    REP_ATTACHED("repAttached", "", Kind.PROBABILITY, Form.CHANCE, 0, 1, "probability",
            "the probability that a customer is tied to a sales representative", "0.3",
            "Probability that a customer is tied to a sales representative (whom a `rep-departure` event can take "
                    + "away): one number for the archetype; each customer draws whether they are.",
            "events: [{type: rep-departure, month: 2, churnMultiplier: 4}]"),
    DROPOUT("dropout", "p", Kind.PROBABILITY, Form.DRAWN, 0, 0.3, "probability per purchase",
            "the probability of leaving right after each purchase", "{dist: beta, alpha: 1, beta: 20}",
            "Probability of leaving right after each purchase: the BG/NBD dropout that couples leaving to buying; a "
                    + "calibrated scenario uses it instead of `churn`.");

    /** What a trait's values are, hence which values (and which distributions) it may take. */
    public enum Kind {
        /** In [0, 1]; a distribution's values must stay in it. */
        PROBABILITY("a probability", Range.PROBABILITY, 1),
        /** Counts per month, ≥ 0. Ten thousand a month is already absurd. */
        RATE("a rate per month", Range.atLeast(0), 1e4),
        /** An amount of money, ≥ 0. */
        MONEY("an amount of money", Range.atLeast(0), Range.MONEY_MAX),
        /** The sigma of a mean-1 lognormal: 10 already spreads a basket over many orders of magnitude. */
        SPREAD("a log standard deviation", Range.between(0, 10), 10);

        private final String description;
        private final Range range;
        private final double maxMean;

        Kind(String description, Range range, double maxMean) {
            this.description = description;
            this.range = range;
            this.maxMean = maxMean;
        }

        /** A few words for messages: "a probability". */
        public String description() {
            return description;
        }

        /** The values a trait of this kind may take. */
        Range range() {
            return range;
        }

        /** The largest mean a distribution of this kind may have: beyond it a value is a typo. */
        double maxMean() {
            return maxMean;
        }
    }

    /** How a customer gets the trait, hence how it is written and stored. */
    public enum Form {
        /** A distribution (or a bare number, a constant): each customer draws a value, kept in a float column. */
        DRAWN,
        /** A probability of the archetype: each customer draws yes or no (one uniform), kept in a boolean column. */
        CHANCE,
        /** One number of the archetype, the same for all its customers: not drawn, no column. */
        ARCHETYPE
    }

    private static final List<Trait> DRAWN_IN_ORDER = Arrays.stream(values()).filter(Trait::isPerCustomer).toList();

    private final String symbol;
    private final Kind kind;
    private final Form form;
    private final ValueSpec spec;
    private final String summary;
    private final String example;

    Trait(String key, String symbol, Kind kind, Form form, double defaultValue, double probe, String unit,
          String summary, String example, String help, String... needs) {
        this.symbol = symbol;
        this.kind = kind;
        this.form = form;
        this.spec = new ValueSpec(key, false, kind.range().min(), kind.range().max(), defaultValue, probe, unit, help,
                List.of(needs));
        this.summary = summary;
        this.example = example;
    }

    /**
     * Its key in an item of {@code archetypes}, the range of its kind (what a number given for it may be), its default
     * (NaN when required), its probe and needs (a discount for price sensitivity, a rep departure for the tie to a
     * representative). The probe is a constant, so it draws nothing and moves no other draw.
     */
    @Override
    public ValueSpec spec() {
        return spec;
    }

    /** The model's symbol (λ, θ, ψ, …), or empty. */
    public String symbol() {
        return symbol;
    }

    public Kind kind() {
        return kind;
    }

    public Form form() {
        return form;
    }

    /** A few words saying what it is ("expected purchases per month"): what a message asks for. */
    public String summary() {
        return summary;
    }

    /** A typical value as written in YAML: a distribution {@code {dist: …}} or a number. */
    public String example() {
        return example;
    }

    /** Whether it is written as a distribution (else as a plain number). */
    public boolean isDistribution() {
        return form == Form.DRAWN;
    }

    /** Whether each customer draws it ({@link Form#DRAWN} or {@link Form#CHANCE}), hence has a column of it. */
    public boolean isPerCustomer() {
        return form != Form.ARCHETYPE;
    }

    /** The traits each customer draws, in draw order (the declaration order). */
    public static List<Trait> drawn() {
        return DRAWN_IN_ORDER;
    }

    public static Optional<Trait> byKey(String key) {
        return Declared.byKey(values(), key);
    }
}
