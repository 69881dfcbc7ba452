package org.segmentlab.simulator.scenario;

/**
 * Money: the currency code for labels, the gross margin share of revenue, the cost of serving one request, and the
 * monthly discount rate used for customer lifetime value.
 */
public record Economics(String currency, double grossMargin, double serviceCostPerRequest, double discountRate) {
}
