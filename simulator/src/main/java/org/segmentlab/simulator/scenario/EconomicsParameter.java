package org.segmentlab.simulator.scenario;

import java.util.List;

/**
 * The numbers of a scenario's {@code economics} section, each declared once, here (the currency, a label, is the
 * section's one other key). The loader reads and checks them through these declarations; {@link ScenarioKeys#ECONOMICS},
 * {@link ScenarioWriter}, {@link Economics#DEFAULT}, the JSON Schema's {@code economics} definition and the docs
 * table are derived from them, and a test moves every value from its default to its probe to show it changes a run's
 * metrics or its lifetime values.
 */
public enum EconomicsParameter implements DeclaredValue {
    GROSS_MARGIN("grossMargin", 1, 0.35, 0.6, "share of revenue",
            "Share of revenue kept before discounts, service and treatments: the margin of a sale is `grossMargin` × its "
                    + "gross amount, less the discount given."),
    SERVICE_COST_PER_REQUEST("serviceCostPerRequest", Range.MONEY_MAX, 12, 40, "currency per request",
            "Cost of serving one service request; the `costToServe` feature and the `service_cost` metric count it."),
    DISCOUNT_RATE("discountRate", 1, 0.01, 0.1, "per month",
            "Monthly discount rate of the lifetime values (by initial segment and by acquisition channel): a month-t "
                    + "margin counts (1 + `discountRate`)^-t. Moves no monthly metric.");

    private final ValueSpec spec;

    EconomicsParameter(String key, double max, double defaultValue, double probe, String unit, String help) {
        this.spec = new ValueSpec(key, false, 0, max, defaultValue, probe, unit, help, List.of());
    }

    @Override
    public ValueSpec spec() {
        return spec;
    }

    /** The full path in a scenario, e.g. {@code economics.grossMargin}. */
    public String path() {
        return "economics." + key();
    }
}
