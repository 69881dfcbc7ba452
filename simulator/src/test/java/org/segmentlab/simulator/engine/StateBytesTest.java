package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.population.Population;

/**
 * The memory target of issues 13 and 18: at most 192 bytes of state per customer at the default 12-month feature
 * window. What each part costs: traits 38 (archetype 1, nine floats 36, rep attachment 1); engine state 18 (status 1,
 * satisfaction 4, acquired 2, lastPurchase 2, lastComplaint 2, segment 1, id 4, and issue 13's
 * referencePrice 1 and surveyAnswer 1); the window ring 11 a month (revenue 4, margin 4, purchases 1, served 1,
 * complaints/referrals 1), 132 for 12 months, and its six counts kept running (4: the features read them instead of the
 * window's bytes). The month's "offered a discount" flag promoLift needs costs nothing: it
 * is the top bit of the served byte (served capped at 127). Against the pre-issue 191, issue 13 added the two state
 * bytes and no longer counts the month-0 segment per customer (kept for the initial ones only); issue 18 moved
 * valueRank (4), written and read within one month, to the month's scratch, and spent the 4 on the running counts; it
 * also gave the 4 bytes of last month's value order (the budget walk ranks again when it binds) to the customer's
 * stable id, which lets churned rows be compacted away.
 */
class StateBytesTest {

    @Test
    void aCustomerCosts192BytesAtTheDefaultWindow() {
        assertThat(Population.bytesPerCustomer()).isEqualTo(38);
        assertThat(MarketState.bytesPerCustomer(12)).isEqualTo(192);
        // The heap estimate sees every array (G1 rounds each up to its regions): the same bytes, column by column.
        assertThat(java.util.Arrays.stream(Population.columnBytes()).sum()).isEqualTo(38);
        assertThat(MarketState.columnBytes(12)).hasSize(Population.columnBytes().length + StateColumn.ALL.size()
                + WindowRing.COLUMNS);
        // Each further window month costs one more ring slot.
        assertThat(MarketState.bytesPerCustomer(13) - MarketState.bytesPerCustomer(12)).isEqualTo(11);
    }

    /** docs/model.md ("Sizes"): the month's scratch the heap estimate counts, the compaction's kept rows included. */
    @Test
    void theMonthsScratchIs43BytesACustomer() {
        assertThat(RunBudget.SCRATCH_BYTES_PER_CUSTOMER).isEqualTo(43);
        assertThat(RunBudget.SCRATCH_COLUMNS).hasSize(12);
        assertThat(java.util.Arrays.stream(RunBudget.SCRATCH_COLUMNS).sum()).isEqualTo(43);
    }
}
