package org.segmentlab.model.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The promotion-response estimator shared by the engine and the log features (docs/model.md, stage 8). */
class PromoLiftTest {

    @Test
    void aCustomerWhoBuysTwiceAsOftenInASaleShowsALiftShrunkTowardOne() {
        // 4 sale months with 8 purchases, 8 full-price months with 8: raw rates 2 and 1, overall r̄ = 16/12.
        // ((8 + 2·4/3)/(4 + 2)) / ((8 + 2·4/3)/(8 + 2)) = (10.667/6) / (10.667/10) = 10/6 = 1.667.
        assertThat(PromoLift.of(8, 4, 8, 8)).isCloseTo(10f / 6f, within(1e-6f));
    }

    @Test
    void buyingTheSameWithOrWithoutADiscountIsOne() {
        assertThat(PromoLift.of(4, 4, 8, 8)).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void withoutBothKindsOfMonthOrWithoutPurchasesTheResponseCannotBeSeen() {
        assertThat(PromoLift.of(12, 12, 0, 0)).isEqualTo(1f); // a discount every month (a blanket campaign)
        assertThat(PromoLift.of(0, 0, 12, 12)).isEqualTo(1f); // never a discount
        assertThat(PromoLift.of(0, 4, 0, 8)).isEqualTo(1f);   // bought nothing
    }

    @Test
    void aSideSeenInFewMonthsCannotSwingTheRatioOnOneMonth() {
        // One sale month with 2 purchases against 8 purchases in 11 full-price months: raw (2/1)/(8/11) = 2.75.
        // r̄ = 10/12; shrunk ((2 + 5/3)/(1 + 2)) / ((8 + 5/3)/(11 + 2)) = 1.2222/0.74359 = 1.6437.
        assertThat(PromoLift.of(2, 1, 8, 11)).isCloseTo(1.6437f, within(1e-3f));
    }

    @Test
    void theRatioDependsOnTheSplitNotOnHowManyPurchases() {
        // The prior is two months of the customer's own rate, so the same pattern gives the same lift at any volume:
        // a customer whose only purchase fell in a sale month shows as strong a response as one with ten. The rule
        // cannot tell weak evidence from strong (the cost shows in the accuracy table of docs/segments.md).
        assertThat(PromoLift.of(1, 4, 0, 8)).isEqualTo(PromoLift.of(10, 4, 0, 8));
        assertThat(PromoLift.of(1, 4, 0, 8)).isCloseTo(70f / 6f, within(1e-4f)); // ((1 + 1/6)/6) / ((1/6)/10)
    }
}
