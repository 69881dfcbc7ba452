package org.segmentlab.simulator.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.segmentlab.model.feature.Feature.COMPLAINTS;
import static org.segmentlab.model.feature.Feature.COST_TO_SERVE;
import static org.segmentlab.model.feature.Feature.DISCOUNT_SHARE;
import static org.segmentlab.model.feature.Feature.FREQUENCY;
import static org.segmentlab.model.feature.Feature.MARGIN;
import static org.segmentlab.model.feature.Feature.MONETARY;
import static org.segmentlab.model.feature.Feature.PROMO_LIFT;
import static org.segmentlab.model.feature.Feature.RECENCY;
import static org.segmentlab.model.feature.Feature.REFERRALS;
import static org.segmentlab.model.feature.Feature.SATISFACTION;
import static org.segmentlab.model.feature.Feature.SERVICE_TO_MARGIN;
import static org.segmentlab.model.feature.Feature.TENURE;
import static org.segmentlab.model.feature.Feature.VALUE_RANK;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segmentlab.model.classify.RuleTableClassifier;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.segment.BuiltInTaxonomies;

class LogFeaturesTest {

    private static PurchaseHistory cdnow;

    @BeforeAll
    static void readCdnow() throws IOException {
        PurchaseHistory.Builder builder = PurchaseHistory.builder();
        TransactionLogReader.cdnow().read(TestData.cdnowSample(), builder);
        cdnow = builder.build();
    }

    private static PurchaseHistory history(Transaction... lines) {
        PurchaseHistory.Builder b = PurchaseHistory.builder();
        for (Transaction t : lines) {
            b.accept(t);
        }
        return b.build();
    }

    private static Transaction t(String customer, String date, double amount) {
        return new Transaction(customer, TransactionLogReader.parseDate(date), amount, 1, 0);
    }

    private static Transaction d(String customer, String date, double amount) {
        return new Transaction(customer, TransactionLogReader.parseDate(date), amount, 1, 0.1);
    }

    @Test
    void aMonthIsASaleForEveryoneWhenAFifthOfItsPurchasesWereDiscounted() {
        // Window 2020-01 .. 2020-04 (4 months as of 2020-04-30). January: 1 of 5 purchases discounted (a fifth: a
        // sale month); February: 1 of 6 (below a fifth: not one); March, April: none.
        // Customer a buys once a month: offered months January (sale) and February (its own discounted purchase):
        // nD = 2, D = 2, nF = 2, F = 2: lift 1. Customer b buys in January only: r̄ = 1/4,
        // ((1 + 0.5)/(1 + 2)) / ((0 + 0.5)/(3 + 2)) = 0.5 / 0.1 = 5.
        PurchaseHistory h = history(
                t("a", "2020-01-05", 10), t("b", "2020-01-06", 10), t("c", "2020-01-07", 10), t("e", "2020-01-08", 10),
                d("f", "2020-01-09", 10),
                d("a", "2020-02-05", 10), t("c", "2020-02-06", 10), t("e", "2020-02-07", 10), t("f", "2020-02-08", 10),
                t("g", "2020-02-09", 10), t("h", "2020-02-10", 10),
                t("a", "2020-03-05", 10), t("a", "2020-04-05", 10));
        LogFeatures features = LogFeatures.compute(h, java.time.LocalDate.of(2020, 4, 30), 4);
        assertThat(features.promotionResponseKnown()).isTrue();
        assertThat(f(features, "a", PROMO_LIFT)).isEqualTo(1f);
        assertThat(f(features, "b", PROMO_LIFT)).isCloseTo(5f, within(1e-5f));
        // c bought in January (sale) and February (full price), from January: ((1 + 2·0.5)/3) / ((1 + 2·0.5)/5) = 5/3.
        assertThat(f(features, "c", PROMO_LIFT)).isCloseTo(5f / 3f, within(1e-5f));
    }

    @Test
    void aLogWithoutDiscountedPurchasesCannotTellThePromotionResponse() {
        LogFeatures features = LogFeatures.compute(history(t("a", "2020-01-05", 10), t("a", "2020-02-05", 10)), 12);
        assertThat(features.promotionResponseKnown()).isFalse();
        assertThat(f(features, "a", PROMO_LIFT)).isNaN();
        assertThat(f(features, "a", SERVICE_TO_MARGIN)).isNaN();
    }

    private static float f(LogFeatures features, String customer, org.segmentlab.model.feature.Feature feature) {
        int row = features.customers().indexOf(customer);
        assertThat(row).as("row of " + customer).isGreaterThanOrEqualTo(0);
        return features.table().get(feature, row);
    }

    /*
     * Worked by hand from CDNOW_sample.txt, as of the log's last day 1998-06-30; the 12-month window is
     * 1997-07-01 .. 1998-06-30.
     *
     * 00004: 19970101 29.33, 19970118 29.73, 19970802 14.96, 19971212 26.48.
     *   In the window: 0802 and 1212 -> frequency 2, monetary 14.96 + 26.48 = 41.44.
     *   Last purchase 1997-12-12: 19 days to the end of December + 181 days Jan-Jun = 200 days; 200 / 30.4375 = 6.5708.
     *   First purchase 1997-01-01: 364 + 1 + 180 = 545 days; tenure 545 / 30.4375 = 17.9055.
     * 00773: ten lines, two pairs on one day (0120, 0224: before the window). In the window: 0729 31.03,
     *   1217 29.48, 1218 28.49, 1222 66.97 -> frequency 4, monetary 155.97; last 1997-12-22 -> 190 days -> 6.2423;
     *   first 1997-01-04 -> 542 days -> 17.8070.
     * 00619: 17 lines in the window, two of them on 1997-12-02 (77.44 + 64.45) -> frequency 16 (not 17),
     *   monetary 562.69; last 1998-05-19 -> 42 days -> 1.3799; first 1997-02-03 -> 512 days -> 16.8214.
     *   16 purchases >= 6 and no discount: loyal in four-types.
     * 812 of the 2357 customers bought in the window; 00619's monetary is exceeded by 25 and equalled by none, so
     *   2357 - 1 - 25 customers have less and its valueRank is (2357 - 1 - 25) / 2356 = 0.98939.
     */
    @Test
    void cdnowRfmOfThreeCustomersWorkedByHand() {
        LogFeatures features = LogFeatures.compute(cdnow, LogFeatures.DEFAULT_WINDOW_MONTHS);
        assertThat(features.asOf()).isEqualTo(LocalDate.of(1998, 6, 30));
        assertThat(features.windowStart()).isEqualTo(LocalDate.of(1997, 7, 1));
        assertThat(features.windowDays()).isEqualTo(365);
        assertThat(features.size()).isEqualTo(2357);
        assertThat(features.active()).isEqualTo(812);
        assertThat(features.notYetCustomers()).isZero();

        assertThat(f(features, "00004", FREQUENCY)).isEqualTo(2f);
        assertThat(f(features, "00004", MONETARY)).isCloseTo(41.44f, within(1e-4f));
        assertThat(f(features, "00004", RECENCY)).isCloseTo(6.5708f, within(1e-4f));
        assertThat(f(features, "00004", TENURE)).isCloseTo(17.9055f, within(1e-4f));

        assertThat(f(features, "00773", FREQUENCY)).isEqualTo(4f);
        assertThat(f(features, "00773", MONETARY)).isCloseTo(155.97f, within(1e-4f));
        assertThat(f(features, "00773", RECENCY)).isCloseTo(6.2423f, within(1e-4f));
        assertThat(f(features, "00773", TENURE)).isCloseTo(17.8070f, within(1e-4f));

        assertThat(f(features, "00619", FREQUENCY)).isEqualTo(16f);
        assertThat(f(features, "00619", MONETARY)).isCloseTo(562.69f, within(1e-3f));
        assertThat(f(features, "00619", RECENCY)).isCloseTo(1.3799f, within(1e-4f));
        assertThat(f(features, "00619", TENURE)).isCloseTo(16.8214f, within(1e-4f));
        assertThat(f(features, "00619", VALUE_RANK)).isCloseTo((2357 - 1 - 25) / 2356f, within(1e-6f));
    }

    @Test
    void whatALogCannotTellIsUnknownOrZero() {
        FeatureTable table = LogFeatures.compute(cdnow, 12).table();
        for (int i = 0; i < table.size(); i++) {
            assertThat(table.get(SATISFACTION, i)).isNaN();
            assertThat(table.get(MARGIN, i)).isNaN();
            assertThat(table.get(COMPLAINTS, i)).isZero();
            assertThat(table.get(REFERRALS, i)).isZero();
            assertThat(table.get(COST_TO_SERVE, i)).isZero();
            assertThat(table.get(DISCOUNT_SHARE, i)).isZero(); // CDNOW has no discount column
        }
    }

    @Test
    void cdnowFourTypes() {
        LogFeatures features = LogFeatures.compute(cdnow, 12);
        // CDNOW records no discounts: the promotion response is unknown for everyone, like satisfaction. With
        // their conditions left out, loyal is frequency >= 6 alone and price-sensitive matches nobody.
        assertThat(features.promotionResponseKnown()).isFalse();
        assertThat(features.table().column(org.segmentlab.model.feature.Feature.PROMO_LIFT)).containsOnly(Float.NaN);
        RuleTableClassifier classifier = RuleTableClassifier.of(BuiltInTaxonomies.fourTypes().withoutConditionsOn(
                java.util.Set.of(org.segmentlab.model.feature.Feature.SATISFACTION, org.segmentlab.model.feature.Feature.PROMO_LIFT)));
        byte[] segments = new byte[features.size()];
        classifier.classify(features.table(), segments);
        int[] counts = new int[classifier.taxonomy().size()];
        for (byte s : segments) {
            counts[s]++;
        }
        // Without satisfaction, complaints or discounts only loyal (frequency >= 6) and the default remain.
        assertThat(classifier.taxonomy().segmentNames()).containsExactly("negative", "loyal", "price-sensitive", "fence-sitter");
        assertThat(counts).containsExactly(0, 111, 0, 2357 - 111);
    }

    @Test
    void anEarlierAsOfDateChangesRecencyAndTheWindow() {
        // 00004 as of 1997-12-31: window 1997-01-01 .. 1997-12-31 holds all four purchases (100.50);
        // last purchase 1997-12-12 is 19 days back (0.6242 months); first 364 days back (11.9589).
        LogFeatures features = LogFeatures.compute(cdnow, LocalDate.of(1997, 12, 31), 12);
        assertThat(features.windowStart()).isEqualTo(LocalDate.of(1997, 1, 1));
        assertThat(f(features, "00004", RECENCY)).isCloseTo(19 / 30.4375f, within(1e-5f));
        assertThat(f(features, "00004", FREQUENCY)).isEqualTo(4f);
        assertThat(f(features, "00004", MONETARY)).isCloseTo(100.5f, within(1e-4f));
        assertThat(f(features, "00004", TENURE)).isCloseTo(364 / 30.4375f, within(1e-5f));
    }

    @Test
    void customersNotYetAcquiredAreLeftOutAndLaterPurchasesIgnored() {
        // CDNOW's cohort first bought in 1997 Q1: as of 1997-01-31 only January's customers exist.
        LogFeatures january = LogFeatures.compute(cdnow, LocalDate.of(1997, 1, 31), 12);
        assertThat(january.size()).isLessThan(2357).isGreaterThan(0);
        assertThat(january.size() + january.notYetCustomers()).isEqualTo(2357);
        assertThat(january.active()).isEqualTo(january.size());
        // 00004 bought on 01-01 and 01-18 by then; its 1997-08 and 1997-12 purchases are in the future.
        assertThat(f(january, "00004", FREQUENCY)).isEqualTo(2f);
        assertThat(f(january, "00004", MONETARY)).isCloseTo(59.06f, within(1e-4f));
        assertThat(f(january, "00004", RECENCY)).isCloseTo(13 / 30.4375f, within(1e-5f));
    }

    @Test
    void windowIsTheTrailingMonthsEndingOnTheAsOfDay() {
        PurchaseHistory h = history(
                t("a", "2020-03-31", 1),   // the day before the window: counts for tenure only
                t("a", "2020-04-01", 2),   // first day of the window
                t("a", "2020-04-30", 4),   // the as-of day
                t("a", "2020-05-01", 8));  // after the as-of day: ignored
        LogFeatures features = LogFeatures.compute(h, LocalDate.of(2020, 4, 30), 1);
        assertThat(features.windowStart()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(f(features, "a", FREQUENCY)).isEqualTo(2f);
        assertThat(f(features, "a", MONETARY)).isEqualTo(6f);
        assertThat(f(features, "a", RECENCY)).isZero();
        assertThat(f(features, "a", TENURE)).isCloseTo(30 / 30.4375f, within(1e-6f)); // from 03-31
    }

    @Test
    void valueRankRanksEveryCustomerTiesToTheMinimum() {
        PurchaseHistory h = history(
                t("a", "2020-06-01", 10),
                t("b", "2020-06-01", 20),
                t("c", "2020-06-01", 20),
                t("d", "2020-06-01", 40),
                t("e", "2020-06-01", 5),
                t("old", "2018-01-01", 1000)); // a customer, but bought nothing in the window: monetary 0
        LogFeatures features = LogFeatures.compute(h, 12);
        // Every customer is ranked (n = 6): old 0, e 5, a 10, b/c 20, d 40; k customers strictly below, k / 5.
        assertThat(f(features, "old", VALUE_RANK)).isZero();
        assertThat(f(features, "e", VALUE_RANK)).isEqualTo(0.2f);
        assertThat(f(features, "a", VALUE_RANK)).isEqualTo(0.4f);
        assertThat(f(features, "b", VALUE_RANK)).isEqualTo(0.6f);
        assertThat(f(features, "c", VALUE_RANK)).isEqualTo(0.6f);
        assertThat(f(features, "d", VALUE_RANK)).isEqualTo(1f);
        assertThat(f(features, "old", FREQUENCY)).isZero();
        assertThat(f(features, "old", MONETARY)).isZero();
        assertThat(features.active()).isEqualTo(5);

        assertThat(f(LogFeatures.compute(history(t("x", "2020-01-01", 3)), 12), "x", VALUE_RANK)).isEqualTo(1f);
        LogFeatures tied = LogFeatures.compute(history(t("x", "2020-01-01", 3), t("y", "2020-01-01", 3)), 12);
        assertThat(f(tied, "x", VALUE_RANK)).isZero();
        assertThat(f(tied, "y", VALUE_RANK)).isZero();
    }

    @Test
    void discountShareCountsDiscountedPurchasesInTheWindow() {
        LocalDate d1 = LocalDate.of(2020, 6, 1);
        LocalDate d2 = LocalDate.of(2020, 6, 2);
        LocalDate d3 = LocalDate.of(2020, 6, 3);
        PurchaseHistory h = history(
                new Transaction("a", d1, 10, 1, 0),
                new Transaction("a", d1, 10, 1, 0.1),  // same day: the purchase of d1 is discounted
                new Transaction("a", d2, 10, 1, 0),
                new Transaction("a", d3, 10, 1, 2),
                new Transaction("a", LocalDate.of(2018, 1, 1), 10, 1, 5)); // outside the window
        LogFeatures features = LogFeatures.compute(h, 12);
        assertThat(f(features, "a", FREQUENCY)).isEqualTo(3f);
        assertThat(f(features, "a", DISCOUNT_SHARE)).isCloseTo(2 / 3f, within(1e-6f));
    }

    @Test
    void rowsAreInIdOrder() {
        LogFeatures features = LogFeatures.compute(history(
                t("10", "2020-01-01", 1), t("b", "2020-01-01", 1), t("9", "2020-01-01", 1), t("a", "2020-01-01", 1)), 12);
        assertThat(features.customers()).isEqualTo(List.of("9", "10", "a", "b"));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> LogFeatures.compute(cdnow, 0)).hasMessage("the window must be at least 1 month, got 0");
        assertThatThrownBy(() -> LogFeatures.compute(cdnow, LocalDate.of(1996, 12, 31), 12))
                .hasMessage("the as-of date 1996-12-31 is before the log's first day 1997-01-01: no customer would exist yet");
        assertThatThrownBy(() -> LogFeatures.compute(PurchaseHistory.builder().build(), 12))
                .hasMessage("the log holds no transactions");
    }
}
