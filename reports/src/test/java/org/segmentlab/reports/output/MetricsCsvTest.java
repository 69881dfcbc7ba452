package org.segmentlab.reports.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.simulator.metrics.MetricsTable;

class MetricsCsvTest {

    private static String csv(MetricsTable table) throws IOException {
        StringWriter out = new StringWriter();
        MetricsCsv.write(table, out);
        return out.toString();
    }

    @Test
    void roundTripsEveryValueExactlyIncludingNaN() throws IOException {
        MetricsTable table = SyntheticRun.of(3, 2, 12, 17).metrics();
        assertThat(table.value("baseline", 0, "top20_share", 0)).isNaN();
        MetricsTable back = MetricsCsv.read(new StringReader(csv(table)));
        // MetricsTable.equals compares every double bit for bit (Arrays.deepEquals), NaN included
        assertThat(back).isEqualTo(table);
    }

    @Test
    void writesTidyRowsInTableOrder() throws IOException {
        MetricsTable table = SyntheticRun.of(2, 2, 3, 17).metrics();
        String[] lines = csv(table).split("\n");
        assertThat(lines[0]).isEqualTo(MetricsCsv.HEADER);
        assertThat(lines).hasSize(1 + 2 * 2 * 4 * table.metrics().size());
        assertThat(lines[1]).isEqualTo("baseline,0,0,active," + Double.toString(table.value("baseline", 0, "active", 0)));
        assertThat(lines).anyMatch(l -> l.startsWith("baseline,0,0,top20_share,") && l.endsWith(","));
    }

    @Test
    void quotesFieldsThatNeedIt() throws IOException {
        List<String> strategies = List.of("plain", "with, comma", "say \"hi\"", "two\nlines");
        double[][][][] values = new double[4][1][1][2];
        for (int s = 0; s < 4; s++) {
            values[s][0][0][0] = s;
            values[s][0][0][1] = s == 2 ? Double.NaN : 0.1 * s + 1e-17;
        }
        values[3][0][0][1] = Double.NEGATIVE_INFINITY;
        MetricsTable table = new MetricsTable(strategies, 1, 1, List.of("odd,metric"), values);
        String text = csv(table);
        assertThat(text).contains("\"with, comma\",0,0,\"odd,metric\",1.0");
        assertThat(text).contains("\"say \"\"hi\"\"\",0,1,\"odd,metric\",\n");
        assertThat(text).contains("\"two\nlines\"");
        assertThat(MetricsCsv.read(new StringReader(text))).isEqualTo(table);
        assertThat(MetricsCsv.read(new StringReader(text.replace("\n", "\r\n").replace("two\r\nlines", "two\nlines")))).isEqualTo(table);
    }

    @Test
    void rejectsMalformedInputWithItsLine() {
        IOException header = assertThrows(IOException.class, () -> MetricsCsv.read(new StringReader("a,b\n")));
        assertThat(header).hasMessageContaining("line 1");
        IOException fields = assertThrows(IOException.class,
                () -> MetricsCsv.read(new StringReader(MetricsCsv.HEADER + "\nx,0,0,active,1\nx,0,1,active\n")));
        assertThat(fields).hasMessageContaining("line 3").hasMessageContaining("5 fields");
        IOException number = assertThrows(IOException.class, () -> MetricsCsv.read(new StringReader(MetricsCsv.HEADER + "\nx,0,0,active,abc\n")));
        assertThat(number).hasMessageContaining("line 2");
    }
}
