package org.segmentlab.simulator.scenario;

import java.util.List;

/**
 * Routine sales the whole market sees (scenario key {@code promotions}): every active customer is offered the sale's
 * discount in its months, whatever their segment or treatment (a shelf price cannot be withheld from one customer).
 * They run in the burn-in too (months −featureWindow … −1), so month 0 has a promotion history. Two forms:
 * <ul>
 * <li>periodic, {@code {every: 3, length: 1, discount: 0.15, start: 2}}: month t is a sale month when
 *     (t − start) mod every &lt; length, for every t, burn-in included;</li>
 * <li>a list of sales, {@code [{month: 11, discount: 0.3}, {month: 23, discount: 0.3, length: 2}]}: month t is in
 *     a sale when month ≤ t &lt; month + length (negative months are burn-in months).</li>
 * </ul>
 * Where sales overlap, the larger discount holds. {@link #NONE}: no promotions (the default).
 *
 * @param periodic the periodic form, or null
 * @param sales    the list form (empty with the periodic form)
 */
public record Promotions(Periodic periodic, List<Sale> sales) {

    /** No promotions. */
    public static final Promotions NONE = new Promotions(null, List.of());

    public Promotions {
        sales = List.copyOf(sales);
        if (periodic != null && !sales.isEmpty()) {
            // A scenario file holds one form or the other (a mapping or a list): keep every value writable.
            throw new IllegalArgumentException("promotions are either periodic or a list of sales, not both");
        }
    }

    /**
     * A sale every {@code every} months, lasting {@code length} months, first (on the month axis) in {@code start}.
     *
     * @param every    months between the starts of two sales, 1 to 1200
     * @param length   months a sale lasts, 1 to every
     * @param discount fraction off every purchase, in (0, 0.95]
     * @param start    a month in which a sale starts, −1200 to 1200 (1)
     */
    public record Periodic(int every, int length, double discount, int start) {
    }

    /**
     * One sale.
     *
     * @param month    its first month, −1200 to 1200 (negative: in the burn-in)
     * @param discount fraction off every purchase, in (0, 0.95]
     * @param length   months it lasts, 1 to 1200 (1)
     */
    public record Sale(int month, double discount, int length) {
    }

    /** Whether the scenario has any promotion. */
    public boolean any() {
        return periodic != null || !sales.isEmpty();
    }

    /** The discount every customer is offered in month t (0 outside sales). */
    public double discountIn(int t) {
        double d = 0;
        if (periodic != null && Math.floorMod(t - periodic.start(), periodic.every()) < periodic.length()) {
            d = periodic.discount();
        }
        for (Sale s : sales) {
            if (t >= s.month() && t < s.month() + s.length()) {
                d = Math.max(d, s.discount());
            }
        }
        return d;
    }
}
