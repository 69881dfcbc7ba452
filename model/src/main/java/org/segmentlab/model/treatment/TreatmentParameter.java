package org.segmentlab.model.treatment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parameters of a treatment, each declared once, here: its scenario key, kind (number, whole number or switch),
 * allowed range, neutral value (the value of the treatment {@code none}), unit, what it applies to, a label for a
 * control, a help text, a clearly non-neutral probe value and the settings it needs to have any effect. The scenario
 * loader's checks, the JSON Schema's {@code treatment} definition, the docs table, the workbench's levers and the
 * engine's treatment table are derived from these declarations, and a test runs every parameter at its probe value
 * (with what it needs) to show it changes a run.
 * <p>
 * To add a parameter: add a constant here, read it in the engine ({@code TreatmentTable.column(p)} for a per-segment
 * value), then regenerate the schema and docs (the tests that check them print the command).
 */
public enum TreatmentParameter {
    COST("cost", Kind.NUMBER, 0, 1e9, 0, 5, "currency per customer-month", Scope.SEGMENT,
            "cost per treated customer-month",
            "Cost per treated customer-month."),
    FIXED_COST("fixedCost", Kind.NUMBER, 0, 1e12, 0, 5000, "currency per month", Scope.MARKET_SUM,
            "fixed cost per month (a team, a campaign)",
            "Fixed cost per month while a strategy uses the treatment (a team, a campaign): counted once however many "
                    + "segments get it."),
    DISCOUNT("discount", Kind.NUMBER, 0, 0.95, 0, 0.3, "share of the price", Scope.SEGMENT,
            "discount depth",
            "Fraction taken off each purchase."),
    LEAKAGE("leakage", Kind.NUMBER, 0, 1, 0, 0.5, "probability per customer-month", Scope.SEGMENT,
            "share of discounts leaking to non-targeted customers",
            "Monthly probability that the discount also reaches an active customer of another segment (the discount "
                    + "trap).",
            "discount: 0.3"),
    BLOCK_DISCOUNTS("blockDiscounts", Kind.FLAG, 0, 1, 0, 1, "switch", Scope.SEGMENT,
            "blocks every discount",
            "true: the segment gets no discount at all, its own and leaked ones included (a market-wide sale still "
                    + "reaches it).",
            "discount: 0.3"),
    PURCHASE_LIFT("purchaseLift", Kind.NUMBER, 0, 100, 1, 2, "×", Scope.SEGMENT,
            "purchase rate multiplier",
            "Multiplier on the purchase rate."),
    CHURN_MULTIPLIER("churnMultiplier", Kind.NUMBER, 0, 100, 1, 3, "×", Scope.SEGMENT,
            "churn multiplier",
            "Multiplier on the monthly churn probability."),
    SATISFACTION_DELTA("satisfactionDelta", Kind.NUMBER, -1, 1, 0, -0.2, "satisfaction per month", Scope.SEGMENT,
            "satisfaction change per month",
            "Change in satisfaction per month."),
    ADVOCACY_MULTIPLIER("advocacyMultiplier", Kind.NUMBER, 0, 100, 1, 3, "×", Scope.SEGMENT,
            "referral multiplier",
            "Multiplier on the referral probability."),
    SERVICE_CAP("serviceCap", Kind.NUMBER, 0, 1e6, 1e6, 0, "requests per month", Scope.SEGMENT,
            "service requests included per month",
            "Service requests per month included; more are charged `serviceFee` (10⁶ = no cap).",
            "serviceFee: 10"),
    SERVICE_FEE("serviceFee", Kind.NUMBER, 0, 1e9, 0, 10, "currency per request", Scope.SEGMENT,
            "fee per extra service request",
            "Fee charged per request above the cap (`serviceCap`).",
            "serviceCap: 0"),
    RECOVERY_PROBABILITY("recoveryProbability", Kind.NUMBER, 0, 1, 0, 1, "probability per complaint", Scope.SEGMENT,
            "complaints resolved",
            "Probability a voiced complaint is resolved and satisfaction restored."),
    TERMINATE("terminate", Kind.FLAG, 0, 1, 0, 1, "switch", Scope.SEGMENT,
            "ends the relationship",
            "true: end the relationship at once."),
    ACQUISITION_BOOST("acquisitionBoost", Kind.NUMBER, -1, 100, 0, 3, "relative change", Scope.ARCHETYPES,
            "change in advertising reach for its kind",
            "Relative change in the standing advertising's acquisition of the archetypes whose truth is this segment "
                    + "(2 = three times as many, -0.5 = half): a team hunting (or avoiding) that kind of customer, "
                    + "paid through `cost` and `fixedCost`. It is not an advertising budget: that is "
                    + "`strategies[].advertising`."),
    BAD_EXPERIENCE_MULTIPLIER("badExperienceMultiplier", Kind.NUMBER, 0, 1, 1, 0.2, "×", Scope.MARKET_PRODUCT,
            "bad-experience multiplier (everyone)",
            "Multiplier on every customer's chance of a bad experience while a strategy uses the treatment (a root "
                    + "cause fixed): market-wide, like `fixedCost`, whichever segment gets it; several distinct "
                    + "treatments in use multiply."),
    WIN_BACK_PROBABILITY("winBackProbability", Kind.NUMBER, 0, 1, 0, 0.5, "probability per ex-customer-month",
            Scope.EX_CUSTOMERS,
            "contacted ex-customers returning per month",
            "Monthly probability that an ex-customer who churned from this segment, contacted with a win-back offer, "
                    + "returns (among those open to returning, `market.winBack.share`).",
            "market.winBack.share: 0.5", "market.winBack.delay: 1"),
    WIN_BACK_MONTHS("winBackMonths", Kind.WHOLE, 1, 120, 6, 1, "months", Scope.EX_CUSTOMERS,
            "months the win-back offer runs",
            "Months after churning during which the segment's ex-customers get the win-back offer.",
            "winBackProbability: 0.5", "market.winBack.share: 0.5", "market.winBack.delay: 1"),
    WIN_BACK_COST("winBackCost", Kind.NUMBER, 0, 1e9, 0, 3, "currency per ex-customer-month", Scope.EX_CUSTOMERS,
            "cost per contacted ex-customer-month",
            "Cost of the win-back offer per contacted ex-customer-month, in `treatment_cost`.",
            "winBackProbability: 0.5", "market.winBack.share: 0.5", "market.winBack.delay: 1");

    /** How a value is written in YAML and checked. */
    public enum Kind {
        /** Any number in the range. */
        NUMBER,
        /** A whole number in the range. */
        WHOLE,
        /** A switch: {@code true} (1) or {@code false} (0). */
        FLAG
    }

    /** Whom the value acts on: how the engine reads it from the treatments a strategy gives its segments. */
    public enum Scope {
        /** Each active customer of the segment, each month: one value per segment. */
        SEGMENT("the segment's customers"),
        /** The customers who churned from the segment: one value per segment. */
        EX_CUSTOMERS("the segment's ex-customers"),
        /** The business as a whole: summed once over the distinct treatments a strategy uses. */
        MARKET_SUM("the business (once per treatment in use)"),
        /** Every customer: multiplied once over the distinct treatments a strategy uses. */
        MARKET_PRODUCT("every customer (once per treatment in use)"),
        /** New customers of the archetypes whose {@code truth} is the segment. */
        ARCHETYPES("new customers of the segment's archetypes (truth)");

        private final String description;

        Scope(String description) {
            this.description = description;
        }

        /** A few words for the docs table. */
        public String description() {
            return description;
        }
    }

    private final String key;
    private final Kind kind;
    private final double min;
    private final double max;
    private final double neutral;
    private final double probe;
    private final String unit;
    private final Scope scope;
    private final String label;
    private final String help;
    private final List<String> needs;

    TreatmentParameter(String key, Kind kind, double min, double max, double neutral, double probe, String unit, Scope scope,
                       String label, String help, String... needs) {
        this.key = key;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.neutral = neutral;
        this.probe = probe;
        this.unit = unit;
        this.scope = scope;
        this.label = label;
        this.help = help;
        this.needs = List.of(needs);
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The value that has no effect (the treatment {@code none}'s). */
    public double neutral() {
        return neutral;
    }

    /** A clearly non-neutral allowed value: with {@link #needs()}, it changes a run (the wiring test's value). */
    public double probe() {
        return probe;
    }

    /** The unit in words ({@code currency} stands for the scenario's currency; {@code ×} for a multiplier). */
    public String unit() {
        return unit;
    }

    public Scope scope() {
        return scope;
    }

    /** A few plain words for a control that sets it ("discount depth"): the workbench's lever label. */
    public String label() {
        return label;
    }

    /** What the parameter does, in Markdown (backticks around keys); the first sentence is the one-line help. */
    public String help() {
        return help;
    }

    /** The help as plain text (for the JSON Schema and user interfaces). */
    public String description() {
        return help.replace("`", "");
    }

    /**
     * Settings without which the parameter has no effect, each {@code "path: value"} in YAML: a path without a dot
     * is another parameter of the same treatment ({@code serviceCap: 0}), otherwise a scenario path
     * ({@code market.winBack.share: 0.5}).
     */
    public List<String> needs() {
        return needs;
    }

    /** Whether the parameter is a switch (0 or 1, written true/false in YAML). */
    public boolean isFlag() {
        return kind == Kind.FLAG;
    }

    public static Optional<TreatmentParameter> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    public static String allowedKeys() {
        return Arrays.stream(values()).map(TreatmentParameter::key).collect(Collectors.joining(", "));
    }

    /** Null when the value is allowed, else what is wrong and what is allowed. */
    public String check(double value) {
        if (!Double.isFinite(value)) {
            return "must be a finite number, got " + value;
        }
        if (isFlag() && value != 0 && value != 1) {
            return "must be true or false, got " + value;
        }
        if (value < min || value > max) {
            return "must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(value);
        }
        if (kind == Kind.WHOLE && value != Math.rint(value)) {
            return "must be a whole number of " + unit + ", got " + fmt(value);
        }
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
