package org.segmentlab.simulator.scenario;

/**
 * Money: the currency code for labels, the gross margin share of revenue, the cost of serving one request, and the
 * monthly discount rate used for customer lifetime value (the numbers declared in {@link EconomicsParameter}). Every
 * key is optional in a scenario; the defaults are {@link #DEFAULT}.
 *
 * @param currency              ISO-style three-letter code for labels (default {@code EUR})
 * @param grossMargin           share of revenue kept before discounts and service, in [0, 1] (default 0.35)
 * @param serviceCostPerRequest cost of serving one request, ≥ 0 (default 12)
 * @param discountRate          monthly discount rate for lifetime value, in [0, 1] (default 0.01)
 */
public record Economics(String currency, double grossMargin, double serviceCostPerRequest, double discountRate) {

    /** The currency a scenario gets when it names none. */
    public static final String DEFAULT_CURRENCY = "EUR";

    /** The values a scenario gets for keys it leaves out (the numbers: their declarations' defaults). */
    public static final Economics DEFAULT = of(DEFAULT_CURRENCY, EconomicsParameter::defaultValue);

    /** Economics in the currency with each declared number from {@code value}. */
    public static Economics of(String currency, java.util.function.ToDoubleFunction<EconomicsParameter> value) {
        return new Economics(currency, value.applyAsDouble(EconomicsParameter.GROSS_MARGIN),
                value.applyAsDouble(EconomicsParameter.SERVICE_COST_PER_REQUEST), value.applyAsDouble(EconomicsParameter.DISCOUNT_RATE));
    }

    /** The value of a declared number. */
    public double get(EconomicsParameter p) {
        return switch (p) {
            case GROSS_MARGIN -> grossMargin;
            case SERVICE_COST_PER_REQUEST -> serviceCostPerRequest;
            case DISCOUNT_RATE -> discountRate;
        };
    }
}
