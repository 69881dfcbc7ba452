package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void compactNumbers() {
        assertThat(Formats.compact(0, false)).isEqualTo("0");
        assertThat(Formats.compact(1500, false)).isEqualTo("1.5k");
        assertThat(Formats.compact(1_250_000, false)).isEqualTo("1.25M");
        assertThat(Formats.compact(-3_400_000, false)).isEqualTo("\u22123.4M");
        assertThat(Formats.compact(613_000, true)).isEqualTo("+613k");
        assertThat(Formats.compact(2.5e9, false)).isEqualTo("2.5B");
        // What rounds up to the next unit is written in it: never "1000k" or "1000".
        assertThat(Formats.compact(999_600, false)).isEqualTo("1M");
        assertThat(Formats.compact(-999_700, true)).isEqualTo("\u22121M");
        assertThat(Formats.compact(999_400, false)).isEqualTo("999k");
        assertThat(Formats.compact(999.7, false)).isEqualTo("1k");
        assertThat(Formats.compact(999.6e6, false)).isEqualTo("1B");
    }

    @Test
    void sharesAndPoints() {
        assertThat(Formats.percent(0.8134)).isEqualTo("81.3%");
        assertThat(Formats.points(0.021)).isEqualTo("+2.1 pp");
        assertThat(Formats.points(-0.021)).isEqualTo("\u22122.1 pp");
        assertThat(Formats.amount(12345.6)).isEqualTo("12,346");
        assertThat(Formats.percent(Double.NaN)).isEqualTo("–");
    }

    @Test
    void decimalTicksNeverReadAlike() {
        org.jfree.chart.axis.TickUnitSource ticks = Formats.decimalTicks();
        // a damping axis 0.875 … 1: quarter-hundredths need three decimals, or 0.875 and 0.885 would both read "0.88"
        org.jfree.chart.axis.TickUnit quarter = ticks.getCeilingTickUnit(0.024);
        assertThat(quarter.getSize()).isEqualTo(0.025);
        assertThat(quarter.valueToString(0.875)).isEqualTo("0.875");
        assertThat(ticks.getCeilingTickUnit(0.2).valueToString(-0.2)).isEqualTo("\u22120.2");
        assertThat(ticks.getCeilingTickUnit(0.05).valueToString(0.95)).isEqualTo("0.95");
    }

    @Test
    void slugs() {
        assertThat(ReportChart.slug("Price war!")).isEqualTo("price-war");
        assertThat(ReportChart.slug("Über")).isEqualTo("ber");
        assertThat(ReportChart.slug("!!!")).isEqualTo("x");
    }
}
