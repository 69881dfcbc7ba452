package org.segmentlab.simulator.scenario;

/**
 * Money: the currency code for labels, the gross margin share of revenue, the cost of serving one request, and the
 * monthly discount rate used for customer lifetime value. Every key is optional in a scenario; the defaults are
 * {@link #DEFAULT}.
 *
 * @param currency              ISO-style three-letter code for labels (default {@code EUR})
 * @param grossMargin           share of revenue kept before discounts and service, in [0, 1] (default 0.35)
 * @param serviceCostPerRequest cost of serving one request, ≥ 0 (default 12)
 * @param discountRate          monthly discount rate for lifetime value, in [0, 1] (default 0.01)
 */
public record Economics(String currency, double grossMargin, double serviceCostPerRequest, double discountRate) {

    /** The values a scenario gets for keys it leaves out. */
    public static final Economics DEFAULT = new Economics("EUR", 0.35, 12, 0.01);
}
