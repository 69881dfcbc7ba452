package org.segmentlab.simulator.calibrate.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.calibrate.PurchaseHistory;
import org.segmentlab.simulator.calibrate.TestData;

class CustomerSummariesTest {

    private static PurchaseHistory history() {
        // "a": first 2020-01-01; two lines on 01-15 are one repeat purchase of 30; 01-29 (the calibration end) 10;
        // one holdout purchase on 02-10 and one after the holdout end. "b": one purchase only; "c": first buys after
        // the calibration end, so is not yet a customer.
        return TestData.history("a 2020-01-01:5 2020-01-15:20 2020-01-15:10 2020-01-29:10 2020-02-10:10 2020-03-10:10",
                "b 2020-01-08:7", "c 2020-02-01:7");
    }

    @Test
    void summarisesRepeatPurchasesOnFaderHardieLeesClock() {
        CustomerSummaries s = CustomerSummaries.of(history(), LocalDate.of(2020, 1, 29), LocalDate.of(2020, 2, 26),
                TimeUnit.WEEKS);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.repeats(0)).isEqualTo(2);
        assertThat(s.lastPurchaseTime(0)).isCloseTo(4.0, within(1e-12)); // 28 days
        assertThat(s.age(0)).isCloseTo(4.0, within(1e-12)); // a purchase on the end day has tx = T
        assertThat(s.meanRepeatSpend(0)).isCloseTo(20.0, within(1e-12)); // (30 + 10) / 2
        assertThat(s.holdoutRepeats(0)).isEqualTo(1);
        assertThat(s.holdoutLength()).isEqualTo(4.0);
        assertThat(s.repeats(1)).isZero();
        assertThat(s.lastPurchaseTime(1)).isZero();
        assertThat(s.age(1)).isCloseTo(3.0, within(1e-12));
        assertThat(s.meanRepeatSpend(1)).isNaN();
        assertThat(s.firstEpochDay(1)).isEqualTo(LocalDate.of(2020, 1, 8).toEpochDay());
        assertThat(s.repeatCustomerCount()).isEqualTo(1);
    }

    @Test
    void holdoutRunsToTheLogsLastDayByDefault() {
        CustomerSummaries s = CustomerSummaries.of(history(), LocalDate.of(2020, 1, 29), TimeUnit.DAYS);
        assertThat(s.holdoutEnd()).isEqualTo(LocalDate.of(2020, 3, 10));
        assertThat(s.holdoutRepeats(0)).isEqualTo(2);
        assertThat(s.age(0)).isEqualTo(28.0);
    }

    @Test
    void rejectsInconsistentColumns() {
        assertThatThrownBy(() -> CustomerSummaries.ofColumns(TimeUnit.WEEKS, new int[] {1}, new double[] {5},
                new double[] {4}, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CustomerSummaries.of(history(), LocalDate.of(2020, 1, 29), LocalDate.of(2020, 1, 1),
                TimeUnit.WEEKS)).isInstanceOf(IllegalArgumentException.class);
    }
}
