package org.segmentlab.simulator.scenario;

import static org.segmentlab.simulator.scenario.Control.labelled;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The values of a scenario's {@code market} section, each declared once, here: the mapping it sits in
 * ({@link Group}), its key, whole or not, allowed range, default (none for the two required ones), unit, help, a
 * clearly different probe value and the settings it needs to have any effect. The loader reads and checks
 * {@code market} through these declarations; {@link ScenarioKeys}, {@link ScenarioWriter}, the JSON Schema's
 * {@code market} definition and the docs table are derived from them, and a test moves every value from its default
 * to its probe to show it changes a run. The engine reads them through {@link Market}'s accessors.
 * <p>
 * To add a value: add a constant here and its component to {@link Market}, in {@link Market#of} and {@link Market#get}
 * (whose switch does not compile until it knows the constant), read it in the engine, then regenerate the schema and
 * docs (the tests that check them print the command).
 */
public enum MarketParameter implements DeclaredValue {
    POTENTIAL(labelled("Market potential (everyone who could ever buy)"), Group.MARKET, "potential", 1, ScenarioBinder.MAX_POTENTIAL, "everyone who could ever become a customer",
            10_000, "customers",
            "M: everyone who could ever become a customer; acquisition draws from the M − A(t) never acquired.",
            "market.innovation: 0.01"),
    INITIAL_CUSTOMERS(Group.MARKET, "initialCustomers", 0, ScenarioBinder.MAX_POTENTIAL,
            "customers at month 0, part of potential", 1000, "customers",
            "Customers at month 0 (part of `potential`, so at most `potential`)."),
    INNOVATION(Group.MARKET, "innovation", false, 0, 1, 0, 0.02, "probability per person-month",
            "p: monthly probability of joining from the standing advertising (scaled by reputation and a strategy's "
                    + "campaign)."),
    IMITATION(labelled("Pull of word of mouth (Bass q)"), Group.MARKET, "imitation", false, 0, 10, 0, 0.5, "per month",
            "q: imitation (word-of-mouth) coefficient of the Bass model: q · V⁺/M, V⁺ the promoters' summed advocacy."),
    NEGATIVE_WEIGHT(labelled("Weight of negative word of mouth κ (how loud complaints are)"), Group.MARKET, "negativeWeight", false, 0, 100, 1, 5, "per detractor share",
            "κ: every channel's conversion × D, D = exp(−κ · detractor share) (metric `wom_damping`). No threshold: "
                    + "each extra detractor costs a little, and κ = 1 and κ = 2 differ. 0 = no damping (the textbook "
                    + "Bass case)."),
    ACQUISITION_COST(labelled("Cost of acquiring a customer"), Group.MARKET, "acquisitionCost", false, 0, Range.MONEY_MAX, 0, 50, "currency per customer",
            "Cost per customer acquired by advertising, imitation or a return to the pool."),
    REFERRAL_LEAN(labelled("Referred customers of their referrer's type"), Group.MARKET, "referralLean", false, 0, 1, 0, 1, "probability",
            "Chance a referred customer (and an imitation customer, of a referrer picked in proportion to the month's "
                    + "referrals) copies the referrer's archetype, else comes from the mixture.",
            "market.imitation: 0.5"),
    REFERRAL_CONVERSION(labelled("Referrals that become customers"), Group.MARKET, "referralConversion", false, 0, 1, 0.05, 0.5, "probability per referral",
            "Probability a referral becomes a customer, × D × R (the damping and the reputation factor). 0 = referrals "
                    + "never convert (the model before issue 14)."),
    /** Its default is half the {@code acquisitionCost} ({@link #defaultValue(ToDoubleFunction)}). */
    REFERRAL_COST(Group.MARKET, "referralCost", false, 0, Range.MONEY_MAX, 0, 20, "currency per customer",
            "Cost per customer acquired by referral (a reward), instead of `acquisitionCost`; by default half of it."),
    REPUTATION_GAIN(Group.REPUTATION, "gain", false, 0, 1, 0.1, 0.9, "share of the gap per month",
            "Share of the gap between the reputation and this month's net word of mouth closed when net WOM is above "
                    + "it: trust is built slowly."),
    REPUTATION_LOSS(Group.REPUTATION, "loss", false, 0, 1, 0.3, 0.9, "share of the gap per month",
            "The same when net WOM is below the reputation: trust is lost fast."),
    REPUTATION_EFFECT(Group.REPUTATION, "effect", false, 0, 100, 2, 8, "per unit of reputation",
            "β: advertising and referral conversion × R, R = exp(β · (ρ − ρ₀)), ρ₀ the reputation at month 0. "
                    + "0 = reputation scales nothing (it is still measured).",
            "market.innovation: 0.01"),
    ADVERTISING_LIFT(Group.ADVERTISING, "lift", false, 0, 100, 1, 4, "× p",
            "A campaign's largest addition to the innovation, as a multiple of p.",
            "market.innovation: 0.01", "strategies[0].advertising: 20000"),
    ADVERTISING_SATURATION(Group.ADVERTISING, "saturation", false, 1, Range.MONEY_MAX, 20000, 1000, "currency per month",
            "Spend per month that reaches 63% of the lift (diminishing returns).",
            "market.innovation: 0.01", "strategies[0].advertising: 20000"),
    ADVERTISING_TARGETING_PREMIUM(Group.ADVERTISING, "targetingPremium", false, 0, 100, 0.5, 5, "× spend",
            "Reach lost by targeting: a targeted campaign counts spend / (1 + premium).",
            "market.innovation: 0.01", "strategies[0].advertising: {spend: 20000, targets: [loyal]}"),
    WIN_BACK_SHARE(Group.WIN_BACK, "share", false, 0, 1, 0, 0.5, "share of the churned",
            "Share of the churned open to returning (one draw per customer, the same under every strategy). "
                    + "0 = nobody comes back.",
            "market.winBack.delay: 1", "market.innovation: 0.05"),
    WIN_BACK_DELAY(Group.WIN_BACK, "delay", true, 0, ScenarioBinder.MAX_MONTHS, 6, 1, "months",
            "Months after churning before they are back in the pool.",
            "market.winBack.share: 0.5", "market.innovation: 0.05");

    /** The mapping a value sits in: {@code market} itself or one of its sub-mappings. */
    public enum Group {
        MARKET(null, "a mapping of market values",
                "The market (Bass form with referrals, reputation and win-back; docs/model.md stage 6). potential and "
                        + "initialCustomers are required."),
        REPUTATION("reputation", "a mapping, e.g. {gain: 0.1, loss: 0.3, effect: 2}",
                "The reputation stock: moves toward net word of mouth (slowly up, fast down) and with events; scales "
                        + "advertising and referral conversion by exp(effect·(ρ − ρ₀))."),
        ADVERTISING("advertising", "a mapping, e.g. {lift: 1, saturation: 20000, targetingPremium: 0.5}",
                "How a strategy's advertising spend turns into customers: p·lift·(1 − exp(−spend′/saturation)) added to "
                        + "the innovation."),
        WIN_BACK("winBack", "a mapping, e.g. {share: 0.3, delay: 6}",
                "Churned customers who may come back: a share of them return to the pool after a delay; a win-back "
                        + "treatment contacts them sooner.");

        private final String key;
        private final String what;
        private final String description;

        Group(String key, String what, String description) {
            this.key = key;
            this.what = what;
            this.description = description;
        }

        /** The key under {@code market}, or null for {@code market} itself. */
        public String key() {
            return key;
        }

        /** The path of the mapping in the scenario, e.g. {@code market.reputation}. */
        public String path() {
            return key == null ? "market" : "market." + key;
        }

        /** What the mapping must be, as a message says it ("must be " + this). */
        String what() {
            return what;
        }

        /** What the mapping is, in a sentence (the JSON Schema's description). */
        public String description() {
            return description;
        }

        /** Its values, in declaration order. */
        public List<MarketParameter> parameters() {
            return Arrays.stream(MarketParameter.values()).filter(p -> p.group == this).toList();
        }

        /** The sub-mappings of {@code market}, in declaration order. */
        public static List<Group> subGroups() {
            return Arrays.stream(values()).filter(g -> g.key != null).toList();
        }
    }

    private final Group group;
    private final ValueSpec spec;
    private final String requiredAs;

    /** An optional value. */
    MarketParameter(Group group, String key, boolean whole, double min, double max, double defaultValue, double probe,
                    String unit, String help, String... needs) {
        this(null, group, key, whole, min, max, defaultValue, probe, unit, help, needs);
    }

    /** An optional value with a control on the workbench page. */
    MarketParameter(Control control, Group group, String key, boolean whole, double min, double max, double defaultValue,
                    double probe, String unit, String help, String... needs) {
        this(group, new ValueSpec(key, whole, min, max, defaultValue, probe, unit, help, List.of(needs), control), null);
    }

    /** A required whole number; {@code requiredAs} says what it is when it is missing. */
    MarketParameter(Group group, String key, double min, double max, String requiredAs, double probe, String unit,
                    String help, String... needs) {
        this(null, group, key, min, max, requiredAs, probe, unit, help, needs);
    }

    /** A required whole number with a control on the workbench page. */
    MarketParameter(Control control, Group group, String key, double min, double max, String requiredAs, double probe,
                    String unit, String help, String... needs) {
        this(group, new ValueSpec(key, true, min, max, Double.NaN, probe, unit, help, List.of(needs), control), requiredAs);
    }

    MarketParameter(Group group, ValueSpec spec, String requiredAs) {
        this.group = group;
        this.spec = spec;
        this.requiredAs = requiredAs;
    }

    /**
     * Its key in its group's mapping ({@code gain}), range, default (NaN for a required one; for {@link #REFERRAL_COST}
     * the value when {@code acquisitionCost} is absent too, see {@link #defaultValue(ToDoubleFunction)}), probe and
     * needs ({@code market.innovation: 0.01}: an advertising response needs advertising to respond to).
     */
    @Override
    public ValueSpec spec() {
        return spec;
    }

    public Group group() {
        return group;
    }

    /** The full path in a scenario, e.g. {@code market.reputation.gain}. */
    public String path() {
        return group.path() + "." + key();
    }

    /** For a required value, what it is, as the message for a missing one says it. */
    String requiredAs() {
        return requiredAs;
    }

    /** The value when the key is absent, given the values read before it ({@code referralCost}: half the acquisitionCost). */
    public double defaultValue(ToDoubleFunction<MarketParameter> before) {
        return this == REFERRAL_COST ? before.applyAsDouble(ACQUISITION_COST) / 2 : defaultValue();
    }

    /** The default as the docs table says it, in Markdown. */
    public String defaultInWords() {
        if (required()) {
            return "required";
        }
        return this == REFERRAL_COST ? "`acquisitionCost` / 2" : null;
    }

    public static Optional<MarketParameter> byPath(String path) {
        return Arrays.stream(values()).filter(p -> p.path().equals(path)).findFirst();
    }
}
