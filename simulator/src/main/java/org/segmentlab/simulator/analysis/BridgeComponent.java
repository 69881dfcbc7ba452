package org.segmentlab.simulator.analysis;

import java.util.Locale;

/**
 * The components of the profit bridge ({@link ProfitBridge}), in the order of {@code bridge.csv}: the gross margin on
 * sales split into customer-months (month-0 customers, then the customers each acquisition channel brought),
 * purchases per customer and margin per purchase; then the cost and fee lines; then the total. Each has the id
 * written in {@code bridge.csv}, its name in lower case (a public contract: a constant is not renamed), and a plain
 * label for charts and tables.
 */
public enum BridgeComponent {
    RETENTION("retention"),
    ACQUIRED_ADS("customers from advertising"),
    ACQUIRED_WOM("customers from word of mouth"),
    ACQUIRED_REFERRAL("customers from referrals"),
    ACQUIRED_WINBACK("customers won back"),
    PURCHASE_FREQUENCY("purchases per customer"),
    SPEND_PER_PURCHASE("margin per purchase"),
    DISCOUNTS("discounts"),
    SERVICE_COST("service cost"),
    SERVICE_FEES("service fees"),
    TREATMENT_COST("treatment cost"),
    FIXED_COST("fixed treatment costs"),
    ACQUISITION_COST("acquisition cost"),
    ADVERTISING_COST("advertising spend"),
    TOTAL("total");

    private final String id;
    private final String label;

    BridgeComponent(String label) {
        this.id = name().toLowerCase(Locale.ROOT);
        this.label = label;
    }

    /** The name in {@code bridge.csv}: the constant's name in lower case ({@code acquired_wom}). */
    public String id() {
        return id;
    }

    /** The plain name for a chart or a table ("retention", "customers from word of mouth"). */
    public String label() {
        return label;
    }

    /** Whether this is one of the parts (every component but {@link #TOTAL}). */
    public boolean isPart() {
        return this != TOTAL;
    }
}
