package org.segmentlab.simulator.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.simulator.calibrate.fit.BgNbd;
import org.segmentlab.simulator.calibrate.fit.BgNbdFit;
import org.segmentlab.simulator.calibrate.fit.CustomerSummaries;
import org.segmentlab.simulator.calibrate.fit.GammaGamma;
import org.segmentlab.simulator.calibrate.fit.GammaGammaFit;
import org.segmentlab.simulator.calibrate.fit.Hypergeometric2F1;
import org.segmentlab.simulator.calibrate.fit.TimeUnit;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The CDNOW customers, calibrated on the 39 weeks from 1997-01-01 and simulated forward month by month from their
 * own state, reproduce what the fitted models expect of them: the repeat purchases of the next 9 months (the BG/NBD
 * conditional expectation Σ E[Y(t) | x, tₓ, T]), the share still active (Σ P(alive) · E[e^{−λpt}] under each
 * customer's posterior), and the mean basket (the Gamma-Gamma conditional means weighted by expected purchases).
 *
 * <p>Tolerances: the simulation's replications are independent draws of the whole base, so each comparison allows
 * 4.5 standard errors of the mean over {@value #REPLICATIONS} replications (measured from the replications
 * themselves), plus the month discretisation where it matters (none: a month is 30.44 days in both).
 */
class CalibratedForwardTest {

    static final int REPLICATIONS = 40;
    static final int MONTHS = 9;

    @TempDir
    static Path dir;
    static CustomerSummaries summaries;
    static BgNbd bgNbd;
    static GammaGamma spend;
    static MetricsTable metrics;
    static Scenario scenario;

    @BeforeAll
    static void calibrateAndRun() throws IOException {
        PurchaseHistory.Builder builder = PurchaseHistory.builder();
        TransactionLogReader.cdnow().read(TestData.cdnowSample(), builder);
        PurchaseHistory history = builder.build();
        summaries = CustomerSummaries.of(history, LocalDate.of(1997, 9, 30), TimeUnit.WEEKS);
        bgNbd = BgNbdFit.model(BgNbdFit.fit(summaries));
        spend = GammaGammaFit.model(GammaGammaFit.fit(summaries));
        CalibratedBase.write(dir, history, summaries, bgNbd, spend, new CalibratedBase.Settings("CDNOW forward",
                "CDNOW_sample.txt", "USD", 0.3, "four-types", MONTHS, REPLICATIONS, 11, 12));
        scenario = Scenarios.load(dir.resolve(CalibratedBase.SCENARIO)).scenario();
        metrics = Simulator.run(scenario, RunOptions.threads(2)).metrics();
    }

    private static double weeks(int months) {
        return months * (365.25 / 12) / 7;
    }

    @Test
    void theScenarioStartsFromEveryRealCustomer() {
        assertThat(scenario.initialPopulation().size()).isEqualTo(2357).isEqualTo(summaries.size());
        assertThat(scenario.market().initialCustomers()).isEqualTo(2357);
        // Month 0 from the log: the four-types segments of the real customers (classify finds 111 loyal on the
        // whole log; here the window ends at the calibration end) and no flows.
        assertThat(metrics.series("as-is", 0, "purchases")[0]).isZero();
    }

    @Test
    void repeatPurchasesFollowTheBgNbdConditionalExpectation() {
        for (int m = 1; m <= MONTHS; m++) {
            double expected = 0;
            for (int i = 0; i < summaries.size(); i++) {
                expected += bgNbd.conditionalExpectedTransactions(weeks(m), summaries.repeats(i),
                        summaries.lastPurchaseTime(i), summaries.age(i));
            }
            SummaryStatistics simulated = new SummaryStatistics();
            for (int r = 0; r < REPLICATIONS; r++) {
                double[] purchases = metrics.series("as-is", r, "purchases");
                double sum = 0;
                for (int t = 1; t <= m; t++) {
                    sum += purchases[t];
                }
                simulated.addValue(sum);
            }
            double se = simulated.getStandardDeviation() / Math.sqrt(REPLICATIONS);
            assertThat(simulated.getMean()).as("cumulative repeat purchases after %d months", m)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(4.5 * se));
        }
    }

    /**
     * A customer active at month 0 is still active t weeks later with probability E[e^{−λpt}]; under the posterior
     * λ ~ gamma(r + x, α + T), p ~ beta(a, b + x) that is ∫ (1 + pt/(α + T))^{−(r+x)} beta(p) dp
     * = ₂F₁(r + x, a; a + b + x; −t/(α + T)) (Euler's integral).
     */
    @Test
    void theShareStillActiveFollowsThePosteriors() {
        for (int m = 0; m <= MONTHS; m += 3) {
            double t = weeks(m);
            double expected = 0;
            for (int i = 0; i < summaries.size(); i++) {
                int x = summaries.repeats(i);
                double age = summaries.age(i);
                double alive = bgNbd.probabilityAlive(x, summaries.lastPurchaseTime(i), age);
                double survive = Hypergeometric2F1.value(bgNbd.r() + x, bgNbd.a(), bgNbd.a() + bgNbd.b() + x,
                        -t / (bgNbd.alpha() + age));
                expected += alive * survive;
            }
            expected /= summaries.size();
            SummaryStatistics simulated = new SummaryStatistics();
            for (int r = 0; r < REPLICATIONS; r++) {
                simulated.addValue(metrics.series("as-is", r, "retention_initial")[m]);
            }
            double se = simulated.getStandardDeviation() / Math.sqrt(REPLICATIONS);
            assertThat(simulated.getMean()).as("share active at month %d", m)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(4.5 * se));
        }
    }

    @Test
    void theMeanBasketFollowsTheGammaGammaConditionalMeans() {
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < summaries.size(); i++) {
            int x = summaries.repeats(i);
            double purchases = bgNbd.conditionalExpectedTransactions(weeks(MONTHS), x, summaries.lastPurchaseTime(i),
                    summaries.age(i));
            weighted += purchases * spend.conditionalExpectedSpend(x > 0 ? summaries.meanRepeatSpend(i) : 0, x);
            weights += purchases;
        }
        double expected = weighted / weights;
        SummaryStatistics simulated = new SummaryStatistics();
        for (int r = 0; r < REPLICATIONS; r++) {
            double revenue = 0;
            double purchases = 0;
            for (int t = 1; t <= MONTHS; t++) {
                revenue += metrics.series("as-is", r, "revenue")[t];
                purchases += metrics.series("as-is", r, "purchases")[t];
            }
            simulated.addValue(revenue / purchases);
        }
        double se = simulated.getStandardDeviation() / Math.sqrt(REPLICATIONS);
        assertThat(simulated.getMean()).as("mean basket").isCloseTo(expected, org.assertj.core.data.Offset.offset(4.5 * se));
    }

    @Test
    void theWrittenFilesAreWhatTheScenarioNames() {
        assertThat(dir.resolve(CalibratedBase.CUSTOMERS)).exists();
        assertThat(Files.exists(dir.resolve(CalibratedBase.SCENARIO))).isTrue();
        assertThat(scenario.initialPopulation().file()).isEqualTo(dir.resolve(CalibratedBase.CUSTOMERS).toAbsolutePath().normalize());
    }
}
