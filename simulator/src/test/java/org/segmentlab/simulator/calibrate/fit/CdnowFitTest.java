package org.segmentlab.simulator.calibrate.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The BG/NBD on CDNOW as Fader, Hardie &amp; Lee (2005) fitted it: 2,357 customers, 39-week calibration from
 * 1997-01-01 (to 1997-09-30), weeks, and the 39-week holdout to 1998-06-30.
 */
class CdnowFitTest {

    @Test
    void summariesMatchFaderHardieLee() {
        CustomerSummaries s = Cdnow.weekly();
        assertThat(s.size()).isEqualTo(2357);
        assertThat(s.totalRepeats()).isEqualTo(2457);
        assertThat(s.repeatCustomerCount()).isEqualTo(946);
        assertThat(s.holdoutLength()).isEqualTo(39.0);
        // A customer of 1997-01-01 is 272 days old at the start of 1997-09-30.
        assertThat(s.firstEpochDay(0)).isEqualTo(LocalDate.of(1997, 1, 1).toEpochDay());
        assertThat(s.age(0)).isCloseTo(272 / 7.0, within(1e-12));
    }

    /**
     * The published estimates are rounded to three decimals, so ours may differ by 0.0005 plus the optimiser's
     * tolerance: 0.001 absolute. The published LL is given to one decimal: ±0.1.
     */
    @Test
    void fitReproducesThePublishedEstimates() {
        FitResult fit = BgNbdFit.fit(Cdnow.weekly());
        assertThat(fit.estimate("r")).isCloseTo(0.243, within(0.001));
        assertThat(fit.estimate("alpha")).isCloseTo(4.414, within(0.001));
        assertThat(fit.estimate("a")).isCloseTo(0.793, within(0.001));
        assertThat(fit.estimate("b")).isCloseTo(2.426, within(0.001));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.1));
        assertThat(fit.observations()).isEqualTo(2357);
        // Standard errors: finite and of the size the literature's implementations report (lifetimes: 0.013,
        // 0.38, 0.19, 0.71), i.e. the Hessian is right to within 10%.
        assertThat(fit.standardError("r")).isCloseTo(0.0126, within(0.0013));
        assertThat(fit.standardError("alpha")).isCloseTo(0.378, within(0.038));
        assertThat(fit.standardError("a")).isCloseTo(0.186, within(0.019));
        assertThat(fit.standardError("b")).isCloseTo(0.705, within(0.071));
    }

    @Test
    void everyStartReachesTheSameOptimum() {
        FitResult fit = BgNbdFit.fit(Cdnow.weekly());
        assertThat(fit.starts()).hasSize(5);
        double[] best = fit.estimates();
        for (FitResult.StartOptimum o : fit.starts()) {
            assertThat(Math.abs(o.logLikelihood() - fit.logLikelihood()) / Math.abs(fit.logLikelihood()))
                    .as("%s", o).isLessThan(1e-6);
            for (int i = 0; i < best.length; i++) {
                assertThat(Math.abs(o.optimum()[i] - best[i]) / best[i]).as("%s", o).isLessThan(1e-3);
            }
        }
    }

    /**
     * Holdout weeks 40–78: the model expects Σ_i E[X(T_i + 39)] − E[X(T_i)] = 1,666.7 repeat purchases where
     * 1,882 were made, 11.4% fewer. This is the model's known shortfall on this sample, not noise (its Poisson
     * noise is about √1,900 ≈ 44); the test pins the measured value to ±1 so a change in the model or the
     * summaries shows, and requires the forecast within 15% of what happened.
     */
    @Test
    void holdoutForecastIsWithinFifteenPercentOfWhatHappened() {
        CustomerSummaries s = Cdnow.weekly();
        BgNbd m = BgNbdFit.model(BgNbdFit.fit(s));
        double expected = 0;
        double conditional = 0;
        for (int i = 0; i < s.size(); i++) {
            expected += m.expectedTransactions(s.age(i) + s.holdoutLength()) - m.expectedTransactions(s.age(i));
            conditional += m.conditionalExpectedTransactions(s.holdoutLength(), s.repeats(i), s.lastPurchaseTime(i),
                    s.age(i));
        }
        long observed = s.totalHoldoutRepeats();
        assertThat(observed).isEqualTo(1882);
        assertThat(expected).isCloseTo(1666.7, within(1.0));
        assertThat(Math.abs(expected - observed) / observed).isLessThan(0.15);
        // Summed over customers, the conditional forecasts (eq. 10) must tell the same total as the unconditional
        // ones when the model fits the calibration data: measured 1,653.4, within 1%.
        assertThat(conditional).isCloseTo(expected, within(0.01 * expected));
    }
}
