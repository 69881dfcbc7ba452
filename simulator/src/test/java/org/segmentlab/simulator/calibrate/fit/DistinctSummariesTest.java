package org.segmentlab.simulator.calibrate.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The likelihoods summed over distinct customer summaries (what makes a million-customer log fit in seconds)
 * equal the plain per-customer sums.
 */
class DistinctSummariesTest {

    private static final int[] X = {0, 0, 2, 2, 2, 1, 0, 5, 2};
    private static final double[] TX = {0, 0, 10, 10, 10, 3, 0, 30, 12};
    private static final double[] AGE = {39, 39, 38, 38, 38, 20, 25, 39, 38};
    private static final double[] SPEND = {0, 0, 20, 20, 20, 5, 0, 11.5, 20};

    private static final CustomerSummaries S = CustomerSummaries.ofColumns(TimeUnit.WEEKS, X, TX, AGE, SPEND);

    @Test
    void identicalCustomersBecomeOneRowWithTheirCount() {
        DistinctSummaries d = DistinctSummaries.ofPurchasing(S);
        assertThat(d.size()).isEqualTo(6);
        assertThat(Arrays.stream(d.count).sum()).isEqualTo(9);
        DistinctSummaries spend = DistinctSummaries.ofSpending(S);
        assertThat(spend.size()).isEqualTo(3); // (1, 5); (2, 20) four times, t_x aside; (5, 11.5)
        assertThat(Arrays.stream(spend.count).sum()).isEqualTo(6);
    }

    @Test
    void groupedLikelihoodsEqualThePerCustomerSums() {
        BgNbd bg = new BgNbd(0.243, 4.414, 0.793, 2.426);
        double plain = 0;
        for (int i = 0; i < S.size(); i++) {
            CustomerSummaries one = CustomerSummaries.ofColumns(TimeUnit.WEEKS, new int[] {X[i]}, new double[] {TX[i]},
                    new double[] {AGE[i]}, new double[] {SPEND[i]});
            plain += bg.logLikelihood(one);
        }
        assertThat(bg.logLikelihood(S)).isCloseTo(plain, within(1e-9));

        GammaGamma gg = new GammaGamma(6.25, 3.74, 15.44);
        double plainSpend = 0;
        for (int i = 0; i < S.size(); i++) {
            if (X[i] > 0) {
                plainSpend += gg.logDensity(SPEND[i], X[i]);
            }
        }
        assertThat(gg.logLikelihood(S)).isCloseTo(plainSpend, within(1e-9));
    }
}
