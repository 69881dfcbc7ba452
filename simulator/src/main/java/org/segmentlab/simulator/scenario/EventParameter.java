package org.segmentlab.simulator.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The optional values of an event, each declared once, here: key, whole or not, allowed range, default, unit, a
 * label for a control, help, and (for an effect) a clearly non-neutral probe value. The loader reads and checks events
 * through these declarations; the JSON Schema's {@code event} definition, the docs table, {@link ScenarioWriter} and the
 * workbench's levers are derived from them; a test runs every event type with every effect at its probe value to show
 * it changes a run. {@code type} and {@code month} (required) are the event's frame, not parameters.
 * <p>
 * To add an effect: add a constant here (its default is neutral: no effect), read it in the engine with
 * {@link Event#get}, then regenerate the schema and docs (the tests that check them print the command).
 */
public enum EventParameter implements DeclaredValue {
    DURATION("duration", true, 1, ScenarioBinder.MAX_MONTHS, 1, Double.NaN, "months",
            "months it lasts",
            "Months in effect; may run past the last month."),
    SHARE("share", false, 0, 1, 1, Double.NaN, "share of the eligible",
            "share of the customers it touches",
            "Share of the eligible customers touched (`rep-departure`: of those attached to a representative)."),
    CHURN_MULTIPLIER("churnMultiplier", false, 0, 100, 1, 4, "×",
            "churn multiplier of those touched",
            "Multiplier on the churn of the touched customers."),
    PURCHASE_MULTIPLIER("purchaseMultiplier", false, 0, 100, 1, 0.3, "×",
            "purchase multiplier of those touched",
            "Multiplier on their purchase rate."),
    SATISFACTION_DELTA("satisfactionDelta", false, -1, 1, 0, -0.3, "satisfaction per month",
            "satisfaction change per month",
            "Change in their satisfaction per month."),
    COMPLAINT_PROBABILITY("complaintProbability", false, 0, 1, 0, 0.5, "probability per month",
            "extra complaints per month",
            "Extra monthly probability of a complaint."),
    REPUTATION_DELTA("reputationDelta", false, -1, 1, 0, -0.5, "reputation per month",
            "change in reputation per month",
            "Change in the market's reputation per month in effect: a scandal in the press hurts the reputation of "
                    + "the business, not only the touched customers."),
    COMPETITOR_PRICE("competitorPrice", false, 0, 1, 1, 0.7, "× list price",
            "the competitor's price the touched customers remember, as a share of our list price",
            "A competitor's price, as a share of our list price: the touched customers remember it as the going price "
                    + "(their reference price falls to it while the event lasts), so our price looks dear and the "
                    + "price-sensitive buy less and leave more (`behaviour.priceGapPurchaseEffect`, "
                    + "`behaviour.priceGapChurnEffect`). 1 is no price cut.");

    private final ValueSpec spec;

    /** Every event value has a control on the workbench page, labelled with {@code label}. */
    EventParameter(String key, boolean whole, double min, double max, double defaultValue, double probe, String unit,
                   String label, String help) {
        this.spec = new ValueSpec(key, whole, min, max, defaultValue, probe, unit, help, List.of(), new Control(label));
    }

    @Override
    public ValueSpec spec() {
        return spec;
    }

    /** Whether this is an effect on the touched customers or the market (not when or whom). */
    public boolean isEffect() {
        return !Double.isNaN(probe());
    }

    /** A few plain words for a control that sets it ("months it lasts"): the workbench's lever label. */
    public String label() {
        return spec.control().label();
    }

    /** The effects, in declaration order. */
    public static List<EventParameter> effects() {
        return Arrays.stream(values()).filter(EventParameter::isEffect).toList();
    }

    public static Optional<EventParameter> byKey(String key) {
        return Declared.byKey(values(), key);
    }
}
