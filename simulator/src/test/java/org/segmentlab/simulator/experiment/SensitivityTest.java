package org.segmentlab.simulator.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One-at-a-time threshold shifts: the table's shape, and that the shifts move what they must. */
class SensitivityTest {

    @Test
    void shiftingEachThresholdMovesSegmentSizesAndMacroF1() throws Exception {
        SensitivityTable t = Sensitivity.of(Fixtures.sweep10k().with("market.initialCustomers", "2000"))
                .range(0.5).steps(1).replications(1).threads(2).run();
        List<String> thresholds = Fixtures.sweep10k().scenario().taxonomy().thresholdPaths();
        assertThat(t.rows()).hasSize(thresholds.size() * 3);
        assertThat(t.metrics()).contains("segment.loyal", "classifier_macro_f1", "retention_initial", "top20_share");
        // Raising loyal.frequency.min from 1 to 3 (±50% of 2) shrinks the loyal segment.
        int loyal = t.metrics().indexOf("segment.loyal");
        List<SensitivityTable.Row> rows = t.rows().stream().filter(r -> r.path().equals("loyal.frequency.min")).toList();
        assertThat(rows).extracting(SensitivityTable.Row::value).containsExactly(1.0, 2.0, 3.0);
        assertThat(rows.get(0).means()[loyal]).isGreaterThan(rows.get(1).means()[loyal]);
        assertThat(rows.get(1).means()[loyal]).isGreaterThan(rows.get(2).means()[loyal]);
        // The tornado's bars, widest first.
        List<SensitivityTable.Swing> swings = t.swing("classifier_macro_f1");
        assertThat(swings).hasSize(thresholds.size());
        for (int i = 1; i < swings.size(); i++) {
            assertThat(swings.get(i).width()).isLessThanOrEqualTo(swings.get(i - 1).width());
        }
        assertThat(swings.get(0).width()).isGreaterThan(0);
        StringWriter csv = new StringWriter();
        t.writeCsv(csv);
        assertThat(csv.toString()).startsWith("threshold,shift,value,segment.").contains("\nloyal.frequency.min,-0.5,1.0,");
    }

    @Test
    void anUnknownThresholdListsTheTaxonomysThresholds() {
        assertThatThrownBy(() -> Sensitivity.of(Fixtures.sweep10k()).paths(List.of("loyal.frequncy.min")).run())
                .hasMessageContaining("is not a threshold").hasMessageContaining("loyal.frequency.min");
    }
}
