package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segmentlab.reports.table.KeyFigure;
import org.segmentlab.reports.table.PairedDifference;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;

class KeyFigureTableTest {

    private static final ShippedScenarios SHIPPED = ShippedScenarios.load();

    @Test
    void aDifferenceIsJudgedByWhatItMeansForTheBusinessNotBySign() {
        assertThat(KeyFigureTable.judge(KeyFigure.CUMULATIVE_PROFIT, 1e6)).isEqualTo(KeyFigureTable.Judgement.GOOD);
        assertThat(KeyFigureTable.judge(KeyFigure.CUMULATIVE_PROFIT, -1e6)).isEqualTo(KeyFigureTable.Judgement.BAD);
        assertThat(KeyFigureTable.judge(KeyFigure.FINAL_RETENTION, 0.14)).isEqualTo(KeyFigureTable.Judgement.GOOD);
        assertThat(KeyFigureTable.judge(KeyFigure.NET_WOM, -0.1)).isEqualTo(KeyFigureTable.Judgement.BAD);
        // a share of revenue is how it is spread, neither good nor bad
        assertThat(KeyFigureTable.judge(KeyFigure.TOP20_SHARE, 0.05)).isEqualTo(KeyFigureTable.Judgement.NEUTRAL);
        assertThat(KeyFigureTable.judge(KeyFigure.TOP20_SHARE, -0.05)).isEqualTo(KeyFigureTable.Judgement.NEUTRAL);
        assertThat(KeyFigureTable.judge(KeyFigure.CUMULATIVE_PROFIT, 0)).isEqualTo(KeyFigureTable.Judgement.FLAT);
    }

    @Test
    void aDifferenceWhoseIntervalIncludesZeroIsUnclearNotBad() {
        PairedDifference unsure = new PairedDifference("b", "profit_cumulative", -6000, -21_500, 9_160, 5);
        PairedDifference sure = new PairedDifference("b", "profit_cumulative", -6000, -9_000, -3_000, 5);
        assertThat(KeyFigureTable.judge(KeyFigure.CUMULATIVE_PROFIT, unsure)).isEqualTo(KeyFigureTable.Judgement.UNCLEAR);
        assertThat(KeyFigureTable.judge(KeyFigure.CUMULATIVE_PROFIT, sure)).isEqualTo(KeyFigureTable.Judgement.BAD);
        // one replication: no interval, judged by the mean
        PairedDifference single = new PairedDifference("b", "profit_cumulative", -6000, -6000, -6000, 1);
        assertThat(KeyFigureTable.judge(KeyFigure.CUMULATIVE_PROFIT, single)).isEqualTo(KeyFigureTable.Judgement.BAD);
        assertThat(KeyFigureTable.judge(KeyFigure.TOP20_SHARE, unsure)).isEqualTo(KeyFigureTable.Judgement.NEUTRAL);
    }

    @Test
    void theBlanketCampaignKeepsMoreCustomersButEarnsLessAndTheTableSaysSo() {
        KeyFigureTable table = table(Map.of());
        KeyFigureTable.Row blanket = table.rows().stream().filter(r -> r.strategy().equals("blanket")).findFirst().orElseThrow();
        assertThat(cell(blanket, KeyFigure.FINAL_RETENTION).difference()).isPositive();
        assertThat(cell(blanket, KeyFigure.FINAL_RETENTION).judgement()).isEqualTo("good");
        assertThat(cell(blanket, KeyFigure.CUMULATIVE_PROFIT).difference()).isNegative();
        assertThat(cell(blanket, KeyFigure.CUMULATIVE_PROFIT).judgement()).isEqualTo("bad");
        assertThat(cell(blanket, KeyFigure.TOP20_SHARE).judgement()).isEqualTo("neutral");
        assertThat(cell(blanket, KeyFigure.CUMULATIVE_PROFIT).interval()).isNull();
        assertThat(table.rows().get(0).cells()).allMatch(c -> c.judgement() == null); // the baseline
    }

    @Test
    void withReplicationsEveryValueAndDifferenceHasItsInterval() {
        KeyFigureTable table = table(Map.of("replications", "3"));
        assertThat(table.replications()).isEqualTo(3);
        KeyFigureTable.Row blanket = table.rows().get(1);
        assertThat(cell(blanket, KeyFigure.CUMULATIVE_PROFIT).interval()).startsWith("95%: ").contains(" to ");
        assertThat(cell(blanket, KeyFigure.FINAL_RETENTION).differenceInterval()).startsWith("95%: ").endsWith("\u00a0pp");
    }

    private static KeyFigureTable.Cell cell(KeyFigureTable.Row row, KeyFigure f) {
        return row.cells().get(f.ordinal());
    }

    /** discount-trap at 10 000 customers (the lesson holds at that size: WorkshopLessonsTest checks it at 4 000). */
    private static KeyFigureTable table(Map<String, String> more) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("market.initialCustomers", "10000");
        o.putAll(more);
        var scenario = new ScenarioRequest("discount-trap", null, o).resolve(SHIPPED);
        return KeyFigureTable.of(Simulator.run(scenario, RunOptions.threads(1)));
    }
}
