package org.segmentlab.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.model.feature.Feature.COMPLAINTS;
import static org.segmentlab.model.feature.Feature.COST_TO_SERVE;
import static org.segmentlab.model.feature.Feature.DISCOUNT_SHARE;
import static org.segmentlab.model.feature.Feature.FREQUENCY;
import static org.segmentlab.model.feature.Feature.MARGIN;
import static org.segmentlab.model.feature.Feature.PROMO_LIFT;
import static org.segmentlab.model.feature.Feature.REFERRALS;
import static org.segmentlab.model.feature.Feature.SATISFACTION;
import static org.segmentlab.model.feature.Feature.SERVICE_TO_MARGIN;
import static org.segmentlab.model.feature.Feature.VALUE_RANK;
import static org.segmentlab.model.segment.Customers.segmentOf;
import static org.segmentlab.model.segment.Customers.typical;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples documented in {@link BuiltInTaxonomies} and {@code docs/segments.md}, exactly at and just beside
 * every threshold, and the priority order (first match wins). Each is checked on all classifier paths.
 */
class BuiltInTaxonomiesTest {

    @Test
    void theThreeBuiltInsAreFoundByName() {
        assertThat(BuiltInTaxonomies.names()).containsExactly("four-types", "dib", "circles");
        for (String name : BuiltInTaxonomies.names()) {
            assertThat(BuiltInTaxonomies.byName(name)).get().extracting(Taxonomy::name).isEqualTo(name);
        }
        assertThat(BuiltInTaxonomies.byName("four-types")).contains(BuiltInTaxonomies.fourTypes());
        assertThat(BuiltInTaxonomies.byName("dib")).contains(BuiltInTaxonomies.dib());
        assertThat(BuiltInTaxonomies.byName("circles")).contains(BuiltInTaxonomies.circles());
        assertThat(BuiltInTaxonomies.byName("Four-Types")).isEmpty();
        assertThat(BuiltInTaxonomies.byName("rfm")).isEmpty();
    }

    @Nested
    class FourTypes {
        private final Taxonomy fourTypes = BuiltInTaxonomies.fourTypes();

        @Test
        void segmentsInPriorityOrderWithFenceSitterAsDefault() {
            assertThat(fourTypes.segmentNames()).containsExactly("negative", "loyal", "price-sensitive", "fence-sitter");
            assertThat(fourTypes.fallback().name()).isEqualTo("fence-sitter");
            assertThat(segmentOf(fourTypes, typical())).isEqualTo("fence-sitter");
        }

        @Test
        void aComplaintMakesAnOtherwiseLoyalCustomerNegative() {
            Customers.Row loyal = typical().with(FREQUENCY, 12).with(PROMO_LIFT, 1).with(SATISFACTION, 0.95);
            assertThat(segmentOf(fourTypes, loyal)).isEqualTo("loyal");
            assertThat(segmentOf(fourTypes, loyal.with(COMPLAINTS, 1))).isEqualTo("negative");
        }

        @Test
        void satisfactionBelowThreeTenthsIsNegativeButExactlyThreeTenthsIsNot() {
            assertThat(segmentOf(fourTypes, typical().with(SATISFACTION, 0.29))).isEqualTo("negative");
            assertThat(segmentOf(fourTypes, typical().with(SATISFACTION, 0.3))).isEqualTo("fence-sitter");
        }

        @ParameterizedTest(name = "frequency {0}, satisfaction {1}, promoLift {2} -> {3}")
        @CsvSource({
                "6,  0.6,  1.49, loyal",           // every other month, content, buys about the same without a sale
                "6,  0.6,  1.5,  price-sensitive", // promoLift must be strictly below 1.5 for loyalty
                "6,  0.59, 1.0,  fence-sitter",    // frequent but not satisfied enough: not loyal
                "5,  0.9,  1.0,  fence-sitter",    // frequency must be at least 6
                "24, 0.9,  1.0,  loyal",
                "24, 0.9,  2.0,  price-sensitive", // frequent and happy, but buying follows the sales
                "1,  0.5,  1.5,  price-sensitive", // half as much again in sale months is enough
                "1,  0.5,  1.49, fence-sitter",
        })
        void loyalAndPriceSensitiveThresholds(double frequency, double satisfaction, double promoLift, String expected) {
            assertThat(segmentOf(fourTypes, typical().with(FREQUENCY, frequency).with(SATISFACTION, satisfaction)
                    .with(PROMO_LIFT, promoLift))).isEqualTo(expected);
        }

        @Test
        void exposureToDiscountsAloneMakesNobodyPriceSensitive() {
            // discountShare counts purchases in months a discount was offered: under a blanket discount it is 1 for
            // everyone. The rule reads the response (promoLift), so a loyal customer stays loyal.
            Customers.Row loyalUnderBlanket = typical().with(FREQUENCY, 20).with(SATISFACTION, 0.9)
                    .with(DISCOUNT_SHARE, 1).with(PROMO_LIFT, 1);
            assertThat(segmentOf(fourTypes, loyalUnderBlanket)).isEqualTo("loyal");
        }

        @Test
        void negativeComesBeforePriceSensitive() {
            assertThat(segmentOf(fourTypes, typical().with(PROMO_LIFT, 3).with(COMPLAINTS, 3))).isEqualTo("negative");
        }

        @Test
        void anUnknownFeatureNeverSatisfiesACondition() {
            // A customer never surveyed has an unknown satisfaction: NaN makes them neither negative nor loyal.
            Customers.Row noSurvey = typical().with(SATISFACTION, Float.NaN).with(FREQUENCY, 8).with(PROMO_LIFT, 1);
            assertThat(segmentOf(fourTypes, noSurvey)).isEqualTo("fence-sitter");
            assertThat(segmentOf(fourTypes, noSurvey.with(SATISFACTION, 0.8))).isEqualTo("loyal");
            // Without a promotion response known (a log without discounts), nobody is price-sensitive.
            assertThat(segmentOf(fourTypes, typical().with(PROMO_LIFT, Float.NaN))).isEqualTo("fence-sitter");
        }
    }

    @Nested
    class Dib {
        private final Taxonomy dib = BuiltInTaxonomies.dib();

        @Test
        void segmentsInPriorityOrderWithRegularAsDefault() {
            assertThat(dib.segmentNames()).containsExactly("snow-leopard", "mutineer", "vampire", "tribe", "regular");
            assertThat(dib.fallback().name()).isEqualTo("regular");
            assertThat(segmentOf(dib, typical())).isEqualTo("regular");
        }

        @ParameterizedTest(name = "valueRank {0}, margin {1} -> {2}")
        @CsvSource({
                "0.97, 0.01, snow-leopard", // the top 3%, profitable
                "1.0,  500,  snow-leopard",
                "0.97, 0,    regular",      // a margin of exactly 0 is not profitable: above is strict
                "0.99, -5,   regular",      // top spender losing money is no snow leopard
                "0.96, 500,  regular",
        })
        void snowLeopardNeedsTopThreePercentAndAPositiveMargin(double valueRank, double margin, String expected) {
            assertThat(segmentOf(dib, typical().with(VALUE_RANK, valueRank).with(MARGIN, margin))).isEqualTo(expected);
        }

        @ParameterizedTest(name = "promoLift {0}, margin {1}, complaints {2} -> {3}")
        @CsvSource({
                "1.5,  -1, 0, mutineer",  // promotion-driven and loses money
                "1.5,  10, 2, mutineer",  // promotion-driven and complains (profitable or not)
                "1.5,  0,  1, regular",   // margin 0 is not a loss, one complaint is not enough
                "1.49, -1, 5, regular",   // not promotion-driven: not a mutineer however costly
                "3.0,  -100, 0, mutineer",
        })
        void mutineerIsPromotionDrivenAndCostsOrComplains(double promoLift, double margin, double complaints, String expected) {
            Customers.Row c = typical().with(PROMO_LIFT, promoLift).with(MARGIN, margin).with(COMPLAINTS, complaints);
            assertThat(segmentOf(dib, c)).isEqualTo(expected);
        }

        @Test
        void aCustomerMerelyOfferedDiscountsIsNoMutineer() {
            // Every purchase made in a month with a discount on offer, losing money: but buys the same without one.
            Customers.Row offered = typical().with(DISCOUNT_SHARE, 1).with(PROMO_LIFT, 1).with(MARGIN, -20);
            assertThat(segmentOf(dib, offered)).isEqualTo("regular");
        }

        @ParameterizedTest(name = "costToServe {0}, serviceToMargin {1} -> {2}")
        @CsvSource({
                "120,    1,        vampire",  // ten requests a year, costing as much as the margin they earn
                "500,    Infinity, vampire",  // earns nothing before service
                "119.99, 3,        regular",  // too little service to be a vampire
                "500,    0.99,     regular",  // a lot of service, but paid for by what they buy
        })
        void vampireCostsMoreToServeThanTheyEarn(double costToServe, float serviceToMargin, String expected) {
            assertThat(segmentOf(dib, typical().with(COST_TO_SERVE, costToServe).with(SERVICE_TO_MARGIN, serviceToMargin)))
                    .isEqualTo(expected);
        }

        @ParameterizedTest(name = "referrals {0}, satisfaction {1} -> {2}")
        @CsvSource({"1, 0.7, tribe", "4, 1.0, tribe", "1, 0.69, regular", "0, 0.95, regular"})
        void tribeRefersAndIsSatisfied(double referrals, double satisfaction, String expected) {
            assertThat(segmentOf(dib, typical().with(REFERRALS, referrals).with(SATISFACTION, satisfaction))).isEqualTo(expected);
        }

        @Test
        void priorityOrderSnowLeopardThenMutineerThenVampireThenTribe() {
            Customers.Row everything = typical()
                    .with(VALUE_RANK, 0.99).with(MARGIN, 50)          // snow leopard
                    .with(PROMO_LIFT, 2.5).with(COMPLAINTS, 3)        // mutineer
                    .with(COST_TO_SERVE, 300).with(SERVICE_TO_MARGIN, 2) // vampire
                    .with(REFERRALS, 2).with(SATISFACTION, 0.9);      // tribe
            assertThat(segmentOf(dib, everything)).isEqualTo("snow-leopard");
            assertThat(segmentOf(dib, everything.with(VALUE_RANK, 0.5))).isEqualTo("mutineer");
            assertThat(segmentOf(dib, everything.with(PROMO_LIFT, 1))).isEqualTo("vampire");
            assertThat(segmentOf(dib, everything.with(COST_TO_SERVE, 0))).isEqualTo("tribe");
            assertThat(segmentOf(dib, everything.with(REFERRALS, 0))).isEqualTo("regular");
        }
    }

    @Nested
    class Circles {
        private final Taxonomy circles = BuiltInTaxonomies.circles();

        @Test
        void fourTiersWithCircleFourAsDefault() {
            assertThat(circles.segmentNames()).containsExactly("circle-1", "circle-2", "circle-3", "circle-4");
            assertThat(circles.fallback().name()).isEqualTo("circle-4");
        }

        @ParameterizedTest(name = "valueRank {0} -> {1}")
        @CsvSource({
                "1.0,  circle-1",
                "0.8,  circle-1", // the top 20% (Pareto)
                "0.79, circle-2",
                "0.5,  circle-2",
                "0.49, circle-3",
                "0.2,  circle-3",
                "0.19, circle-4",
                "0.0,  circle-4",
                "NaN,  circle-4", // not ranked (e.g. inactive): the default
        })
        void tiersByValueRank(float valueRank, String expected) {
            assertThat(segmentOf(circles, typical().with(VALUE_RANK, valueRank))).isEqualTo(expected);
        }

        @Test
        void onlyValueRankMatters() {
            Customers.Row unhappyDiscountHunter = typical().with(VALUE_RANK, 0.9).with(COMPLAINTS, 9)
                    .with(DISCOUNT_SHARE, 1).with(SATISFACTION, 0).with(MARGIN, -500);
            assertThat(segmentOf(circles, unhappyDiscountHunter)).isEqualTo("circle-1");
            assertThat(circles.featuresUsed()).containsExactly(VALUE_RANK);
        }
    }

    @Test
    void thresholdPathsOfEachBuiltInInDefinitionOrder() {
        assertThat(BuiltInTaxonomies.fourTypes().thresholdPaths()).containsExactly(
                "negative.complaints.min", "negative.satisfaction.below",
                "loyal.frequency.min", "loyal.satisfaction.min", "loyal.promoLift.below",
                "price-sensitive.promoLift.min");
        assertThat(BuiltInTaxonomies.dib().thresholdPaths()).containsExactly(
                "snow-leopard.valueRank.min", "snow-leopard.margin.above",
                "mutineer.promoLift.min", "mutineer.margin.below", "mutineer.complaints.min",
                "vampire.costToServe.min", "vampire.serviceToMargin.min",
                "tribe.referrals.min", "tribe.satisfaction.min");
        assertThat(BuiltInTaxonomies.circles().thresholdPaths()).containsExactly(
                "circle-1.valueRank.min", "circle-2.valueRank.min", "circle-3.valueRank.min");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "four-types, loyal.discountShare.below, loyal.promoLift.below",
            "four-types, price-sensitive.discountShare.min, price-sensitive.promoLift.min",
            "dib, mutineer.discountShare.min, mutineer.promoLift.min",
    })
    void aRetiredThresholdPathSaysWhatToWriteInstead(String taxonomy, String retired, String instead) {
        Taxonomy t = BuiltInTaxonomies.byName(taxonomy).orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.withThreshold(retired, 0.3))
                .isInstanceOf(org.segmentlab.model.DefinitionException.class)
                .hasMessageContaining("'" + retired + "' is retired")
                .hasMessageContaining("measures exposure to discounts, not the response")
                .hasMessageContaining("write " + instead + " instead (default 1.5)");
    }

    @Test
    void dataThatCannotTellSatisfactionOrPromotionResponseIsJudgedOnWhatItCanTell() {
        // A transaction log without a discount column: no satisfaction, no promotion response.
        Taxonomy log = BuiltInTaxonomies.fourTypes().withoutConditionsOn(java.util.Set.of(SATISFACTION, PROMO_LIFT));
        Customers.Row frequentUnknown = typical().with(FREQUENCY, 8).with(SATISFACTION, Float.NaN).with(PROMO_LIFT, Float.NaN);
        assertThat(segmentOf(log, frequentUnknown)).isEqualTo("loyal");
        assertThat(segmentOf(log, frequentUnknown.with(FREQUENCY, 5))).isEqualTo("fence-sitter");
        assertThat(segmentOf(log, frequentUnknown.with(COMPLAINTS, 1))).as("negative keeps its complaints clause")
                .isEqualTo("negative");
        // price-sensitive reads only promoLift: with nothing left it matches nobody.
        assertThat(log.segments().get(log.indexOf("price-sensitive"))).isEqualTo(
                BuiltInTaxonomies.fourTypes().segments().get(2));
        assertThat(segmentOf(log, typical().with(FREQUENCY, 1).with(PROMO_LIFT, Float.NaN))).isEqualTo("fence-sitter");
        assertThat(log.thresholdPaths()).containsExactly("negative.complaints.min", "loyal.frequency.min",
                "price-sensitive.promoLift.min");
    }

    @Test
    void documentedDefaultThresholds() {
        Taxonomy fourTypes = BuiltInTaxonomies.fourTypes();
        assertThat(fourTypes.threshold("negative.complaints.min")).contains(1f);
        assertThat(fourTypes.threshold("negative.satisfaction.below")).contains(0.3f);
        assertThat(fourTypes.threshold("loyal.frequency.min")).contains(6f);
        assertThat(fourTypes.threshold("loyal.satisfaction.min")).contains(0.6f);
        assertThat(fourTypes.threshold("loyal.promoLift.below")).contains(1.5f);
        assertThat(fourTypes.threshold("price-sensitive.promoLift.min")).contains(1.5f);
        Taxonomy dib = BuiltInTaxonomies.dib();
        assertThat(dib.threshold("snow-leopard.valueRank.min")).contains(0.97f);
        assertThat(dib.threshold("snow-leopard.margin.above")).contains(0f);
        assertThat(dib.threshold("mutineer.promoLift.min")).contains(1.5f);
        assertThat(dib.threshold("mutineer.margin.below")).contains(0f);
        assertThat(dib.threshold("mutineer.complaints.min")).contains(2f);
        assertThat(dib.threshold("vampire.costToServe.min")).contains(120f);
        assertThat(dib.threshold("vampire.serviceToMargin.min")).contains(1f);
        assertThat(dib.threshold("tribe.referrals.min")).contains(1f);
        assertThat(dib.threshold("tribe.satisfaction.min")).contains(0.7f);
        Taxonomy circles = BuiltInTaxonomies.circles();
        assertThat(circles.threshold("circle-1.valueRank.min")).contains(0.8f);
        assertThat(circles.threshold("circle-2.valueRank.min")).contains(0.5f);
        assertThat(circles.threshold("circle-3.valueRank.min")).contains(0.2f);
        assertThat(circles.threshold("circle-4.valueRank.min")).isEmpty();
    }
}
