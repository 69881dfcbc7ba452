package org.segmentlab.simulator.analysis;

/**
 * The components of the profit bridge ({@link ProfitBridge}), in the order of {@code bridge.csv}: the gross margin on
 * sales split into customer-months (month-0 customers, then the customers each acquisition channel brought),
 * purchases per customer and margin per purchase; then the cost and fee lines; then the total. Each has the id
 * written in {@code bridge.csv} (a public contract) and a plain label for charts and tables.
 */
public enum BridgeComponent {
    RETENTION("retention", "retention"),
    ACQUIRED_ADS("acquired_ads", "customers from advertising"),
    ACQUIRED_WOM("acquired_wom", "customers from word of mouth"),
    ACQUIRED_REFERRAL("acquired_referral", "customers from referrals"),
    ACQUIRED_WINBACK("acquired_winback", "customers won back"),
    PURCHASE_FREQUENCY("purchase_frequency", "purchases per customer"),
    SPEND_PER_PURCHASE("spend_per_purchase", "margin per purchase"),
    DISCOUNTS("discounts", "discounts"),
    SERVICE_COST("service_cost", "service cost"),
    SERVICE_FEES("service_fees", "service fees"),
    TREATMENT_COST("treatment_cost", "treatment cost"),
    FIXED_COST("fixed_cost", "fixed treatment costs"),
    ACQUISITION_COST("acquisition_cost", "acquisition cost"),
    ADVERTISING_COST("advertising_cost", "advertising spend"),
    TOTAL("total", "total");

    private final String id;
    private final String label;

    BridgeComponent(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name in {@code bridge.csv}. */
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
