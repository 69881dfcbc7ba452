package org.segmentlab.simulator.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of event a scenario can schedule, each declared once, here: its {@code type} key, whom it can touch and
 * what it stands for. The loader, the JSON Schema's {@code event.type}, the docs table and the engine's eligibility
 * check are derived from these; every type is run with every {@link EventParameter effect} by the wiring test.
 */
public enum EventType implements Declared {
    /** A sales representative leaves: customers attached to reps may follow. */
    REP_DEPARTURE("rep-departure", true,
            "A sales representative leaves: customers attached to a representative may follow (typically `churnMultiplier`).",
            "archetypes[0].repAttached: 0.5"),
    /** A competitor cuts prices: churn up, purchases down. */
    PRICE_WAR("price-war", false,
            "A competitor cuts prices: its price becomes the one the touched customers remember (`competitorPrice`), "
                    + "so the price-sensitive buy less and leave more; or give the effects directly "
                    + "(`churnMultiplier`, `purchaseMultiplier`)."),
    /** Service fails: complaints and a satisfaction drop, hence detractors and negative word of mouth. */
    SERVICE_OUTAGE("service-outage", false,
            "Service fails: complaints and a satisfaction drop, hence detractors and negative word of mouth "
                    + "(`complaintProbability`, `satisfactionDelta`).");

    private final String key;
    private final boolean repAttachedOnly;
    private final String help;
    private final List<String> needs;

    EventType(String key, boolean repAttachedOnly, String help, String... needs) {
        this.key = key;
        this.repAttachedOnly = repAttachedOnly;
        this.help = help;
        this.needs = List.of(needs);
    }

    @Override
    public String key() {
        return key;
    }

    /** Whether only customers attached to a sales representative ({@code repAttached}) are eligible. */
    public boolean repAttachedOnly() {
        return repAttachedOnly;
    }

    /** Who is eligible, in words (a {@code share} of them is touched). */
    public String eligible() {
        return repAttachedOnly ? "active customers attached to a representative" : "all active customers";
    }

    /** What the event stands for, with the effects it is typically given, in Markdown (backticks around keys). */
    @Override
    public String help() {
        return help;
    }

    /**
     * Scenario settings without which the event touches nobody, each {@code "path: value"} in YAML (a rep departure
     * needs customers attached to a representative).
     */
    @Override
    public List<String> needs() {
        return needs;
    }

    public static Optional<EventType> byKey(String key) {
        return Declared.byKey(values(), key);
    }

    public static String allowedKeys() {
        return Declared.allowedKeys(values());
    }
}
