package org.segmentlab.simulator.calibrate.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.calibrate.PurchaseHistory;
import org.segmentlab.simulator.calibrate.TestData;

/** The shifted-beta-geometric model: identities, Fader &amp; Hardie's published cohorts, recovery, counts from a log. */
class ShiftedBetaGeometricTest {

    static final SurvivalCounts REGULAR = SurvivalCounts.of(1000, 631, 468, 382, 326, 289, 262, 241);
    static final SurvivalCounts HIGH_END = SurvivalCounts.of(1000, 869, 743, 653, 593, 551, 517, 491);

    @Test
    void survivalChurnAndRetentionAgree() {
        ShiftedBetaGeometric m = new ShiftedBetaGeometric(0.668, 3.806);
        assertThat(m.survival(0)).isEqualTo(1.0);
        assertThat(m.churnProbability(1)).isCloseTo(0.668 / (0.668 + 3.806), within(1e-12));
        for (int t = 1; t < 20; t++) {
            assertThat(m.survival(t - 1) - m.survival(t)).isCloseTo(m.churnProbability(t), within(1e-12));
            assertThat(m.survival(t) / m.survival(t - 1)).isCloseTo(m.retentionRate(t), within(1e-12));
            // Heterogeneity: the survivors are ever more loyal.
            assertThat(m.retentionRate(t + 1)).isGreaterThan(m.retentionRate(t));
        }
        assertThatThrownBy(() -> m.churnProbability(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Fader &amp; Hardie (2007) publish three decimals: ours within 0.001. The "regular" cohort, which loses 37% in
     * its first year, is α = 0.704, β = 1.182 (P(T = 1) = α / (α + β) = 0.373); the "high end" one α = 0.668,
     * β = 3.806.
     */
    @Test
    void fitsThePublishedCohorts() {
        FitResult regular = ShiftedBetaGeometricFit.fit(REGULAR);
        assertThat(regular.estimate("alpha")).isCloseTo(0.704, within(0.001));
        assertThat(regular.estimate("beta")).isCloseTo(1.182, within(0.001));
        FitResult high = ShiftedBetaGeometricFit.fit(HIGH_END);
        assertThat(high.estimate("alpha")).isCloseTo(0.668, within(0.001));
        assertThat(high.estimate("beta")).isCloseTo(3.806, within(0.001));
        for (FitResult f : List.of(regular, high)) {
            assertThat(f.observations()).isEqualTo(1000);
            assertThat(f.startSpread()).isLessThan(1e-9);
            assertThat(Arrays.stream(f.standardErrors()).boxed().toList()).allSatisfy(se -> assertThat(se).isPositive().isFinite());
        }
    }

    /** Cohorts simulated from known parameters: within 4 SE (false failure ≈ 1.3e-4 over two), SEs ∝ 1/√n. */
    @Test
    void recoversKnownParametersWithinFourStandardErrors() {
        ShiftedBetaGeometric truth = new ShiftedBetaGeometric(0.7, 3.0);
        SurvivalCounts small = simulate(truth, 4_000, 7, RandomSource.XO_RO_SHI_RO_128_PP.create(71L));
        SurvivalCounts large = simulate(truth, 16_000, 7, RandomSource.XO_RO_SHI_RO_128_PP.create(72L));
        double[] t = truth.toArray();
        for (SurvivalCounts c : List.of(small, large)) {
            FitResult f = ShiftedBetaGeometricFit.fit(c);
            for (int i = 0; i < t.length; i++) {
                assertThat(Math.abs(f.estimates()[i] - t[i])).as("%s", f).isLessThan(4 * f.standardErrors()[i]);
            }
        }
        double[] seSmall = ShiftedBetaGeometricFit.standardErrors(small, truth);
        double[] seLarge = ShiftedBetaGeometricFit.standardErrors(large, truth);
        for (int i = 0; i < t.length; i++) {
            assertThat(seSmall[i] / seLarge[i]).as("SE ratio %d", i).isBetween(1.7, 2.3);
        }
    }

    /** Each member churns at the end of each period with their own θ ~ Beta(α, β) (as G_α / (G_α + G_β)). */
    private static SurvivalCounts simulate(ShiftedBetaGeometric truth, int n, int periods, UniformRandomProvider rng) {
        ContinuousSampler ga = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.alpha(), 1.0);
        ContinuousSampler gb = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.beta(), 1.0);
        int[] alive = new int[periods + 1];
        for (int i = 0; i < n; i++) {
            double u = ga.sample();
            double theta = u / (u + gb.sample());
            alive[0]++;
            for (int k = 1; k <= periods && rng.nextDouble() >= theta; k++) {
                alive[k]++;
            }
        }
        return new SurvivalCounts(alive);
    }

    @Test
    void countsFromALogFollowEachFirstWeekCustomersLastPurchase() {
        // Week 0 = 2020-01-01 … 07. "a" last buys in week 2, "b" only in week 0, "c" in week 3 (and after the end),
        // "d" joins in week 1 and is not in the cohort.
        PurchaseHistory history = TestData.history("a 2020-01-01:1 2020-01-20:1", "b 2020-01-07:1",
                "c 2020-01-03:1 2020-01-22:1 2020-03-01:1", "d 2020-01-08:1");
        // Calibration ends 2020-01-29: weeks 0 … 3 are whole (week 3 = 01-22 … 01-28), week 4 is not.
        SurvivalCounts counts = SurvivalCounts.fromHistory(history, LocalDate.of(2020, 1, 29), TimeUnit.WEEKS);
        assertThat(counts.alive()).containsExactly(3, 2, 2, 1);
    }

    @Test
    void cdnowCountsAreTheFirstWeeksCustomersSeenLater() {
        SurvivalCounts counts = SurvivalCounts.fromHistory(Cdnow.history(), Cdnow.CALIBRATION_END, TimeUnit.WEEKS);
        assertThat(counts.periods()).isEqualTo(38); // weeks 0 … 38 end by 1997-09-30
        // The same count from the summaries: first purchase in 1997-01-01 … 07, last calibration purchase at or
        // after the start of week k.
        CustomerSummaries s = Cdnow.weekly();
        long origin = LocalDate.of(1997, 1, 1).toEpochDay();
        for (int k = 0; k <= counts.periods(); k++) {
            int expected = 0;
            for (int i = 0; i < s.size(); i++) {
                long last = s.firstEpochDay(i) + Math.round(s.lastPurchaseTime(i) * 7);
                if (s.firstEpochDay(i) < origin + 7 && last >= origin + 7L * k) {
                    expected++;
                }
            }
            assertThat(counts.alive(k)).as("week %d", k).isEqualTo(expected);
        }
        FitResult fit = ShiftedBetaGeometricFit.fit(counts);
        assertThat(Arrays.stream(fit.estimates()).boxed().toList()).allSatisfy(v -> assertThat(v).isPositive().isFinite());
    }
}
