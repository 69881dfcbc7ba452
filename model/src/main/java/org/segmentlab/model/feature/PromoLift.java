package org.segmentlab.model.feature;

/**
 * The promotion response a business can measure: purchases per month a discount was offered ÷ purchases per
 * full-price month. Each rate is shrunk toward the customer's overall rate r̄ by a prior worth {@value #PRIOR_MONTHS}
 * months, so a side seen in few months (one sale month in a year) cannot swing the ratio on that month:
 * lift = ((nD + k·r̄)/(D + k)) ÷ ((nF + k·r̄)/(F + k)). Exposure-adjusted by construction: a customer offered a
 * discount every month (or never) has no comparison and gets 1, however many discounted purchases they made.
 * A limit, stated: the prior scales with the customer's own rate, so the lift depends on how purchases split between
 * the two kinds of month, not on how many there are; a customer whose only purchase fell in a sale shows as strong a
 * response as one with ten.
 */
public final class PromoLift {
    /** Months of prior weight toward the overall rate on each side. */
    public static final double PRIOR_MONTHS = 2;

    private PromoLift() {
    }

    /**
     * @param discountedPurchases purchases in months a discount was offered (nD)
     * @param discountedMonths    months a discount was offered (D)
     * @param fullPricePurchases  purchases in the other months (nF)
     * @param fullPriceMonths     the other months (F)
     * @return the lift, 1 when either kind of month is missing or nothing was bought
     */
    public static float of(int discountedPurchases, int discountedMonths, int fullPricePurchases, int fullPriceMonths) {
        int purchases = discountedPurchases + fullPricePurchases;
        if (discountedMonths <= 0 || fullPriceMonths <= 0 || purchases == 0) {
            return 1f;
        }
        double overall = (double) purchases / (discountedMonths + fullPriceMonths);
        double offered = (discountedPurchases + PRIOR_MONTHS * overall) / (discountedMonths + PRIOR_MONTHS);
        double fullPrice = (fullPricePurchases + PRIOR_MONTHS * overall) / (fullPriceMonths + PRIOR_MONTHS);
        return (float) (offered / fullPrice);
    }
}
