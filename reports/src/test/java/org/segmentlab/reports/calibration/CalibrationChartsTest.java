package org.segmentlab.reports.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.chart.ChartExport;
import org.segmentlab.reports.chart.ReportChart;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class CalibrationChartsTest {
    private static final CalibrationReportInput CDNOW = CalibrationFixtures.cdnow();

    private static ReportChart chart(String id) {
        return CalibrationCharts.all(CDNOW).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static XYPlot plot(ReportChart chart) {
        return chart.chart().getXYPlot();
    }

    private static List<String> legend(ReportChart chart) {
        List<String> labels = new ArrayList<>();
        org.jfree.chart.LegendItemCollection items = plot(chart).getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            LegendItem item = items.get(i);
            labels.add(item.getLabel());
        }
        return labels;
    }

    private static String subtitle(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle text) {
                return text.getText();
            }
        }
        return null;
    }

    @Test
    void allChartsInReadingOrder() {
        assertThat(CalibrationCharts.all(CDNOW)).extracting(ReportChart::id).containsExactly("repeat-purchases", "tracking-cumulative",
                "tracking-incremental", "conditional-expectations", "survival", "spend");
    }

    @Test
    void partsWithoutDataAreLeftOut() {
        assertThat(CalibrationCharts.all(CalibrationFixtures.minimal())).extracting(ReportChart::id).containsExactly("repeat-purchases");
        CalibrationReportInput noTracking = new CalibrationReportInput("t", "s.csv", null, "week", CalibrationFixtures.models(), CalibrationFixtures.histogram(),
                null, CalibrationFixtures.conditional(), null, CalibrationFixtures.spend(), "v");
        assertThat(CalibrationCharts.all(noTracking)).extracting(ReportChart::id).containsExactly("repeat-purchases", "conditional-expectations", "spend");
    }

    @Test
    void everyChartRendersAsPngAndSvgWithTitleSubtitleAxesAndLegend() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (ReportChart chart : CalibrationCharts.all(CDNOW)) {
            JFreeChart jfc = chart.chart();
            assertThat(jfc.getTitle().getText()).as(chart.id()).isEqualTo(chart.title()).isNotBlank();
            assertThat(subtitle(jfc)).as(chart.id() + " subtitle").isNotBlank();
            assertThat(chart.caption()).as(chart.id()).isNotBlank();
            XYPlot plot = plot(chart);
            assertThat(plot.getDomainAxis().getLabel()).as(chart.id() + " x label").isNotBlank();
            assertThat(plot.getRangeAxis().getLabel()).as(chart.id() + " y label").isNotBlank();
            assertThat(jfc.getLegend()).as(chart.id() + " legend").isNotNull();
            assertThat(legend(chart)).as(chart.id()).hasSizeGreaterThanOrEqualTo(2);

            BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartExport.png(jfc)));
            assertThat(image.getWidth()).isEqualTo(1600);
            assertThat(image.getHeight()).isEqualTo(1000);
            assertThat(nonWhiteShare(image)).as(chart.id() + " draws something").isGreaterThan(0.02);

            String svg = ChartExport.svgDocument(ChartExport.svgElement(jfc, chart.id()));
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(svg).as(chart.id()).contains(xml(chart.title()));
            Matcher ids = Pattern.compile("id=['\"]([^'\"]*)['\"]").matcher(svg);
            while (ids.find()) {
                assertThat(ids.group(1)).startsWith(chart.id() + "-");
            }
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void histogramHasOneCategoryPerLabelAndObservedAgainstExpected() {
        ReportChart chart = chart(RepeatPurchaseChart.ID);
        XYPlot plot = plot(chart);
        SymbolAxis x = (SymbolAxis) plot.getDomainAxis();
        assertThat(x.getSymbols()).containsExactly(CalibrationFixtures.LABELS);
        XYDataset data = plot.getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(2);
        for (int s = 0; s < 2; s++) {
            assertThat(data.getItemCount(s)).isEqualTo(CalibrationFixtures.LABELS.length);
        }
        for (int i = 0; i < CalibrationFixtures.LABELS.length; i++) {
            assertThat(data.getYValue(0, i)).isEqualTo(CalibrationFixtures.OBSERVED[i]);
            assertThat(data.getYValue(1, i)).isEqualTo(CalibrationFixtures.EXPECTED[i]);
            // the pair straddles its category: observed left of it, expected right
            assertThat(data.getXValue(0, i)).isBetween(i - 0.5, i - 0.0);
            assertThat(data.getXValue(1, i)).isBetween(i + 0.0, i + 0.5);
        }
        assertThat(legend(chart)).containsExactly("Observed", "BG/NBD expected");
        assertThat(plot.getRenderer().getDefaultItemLabelsVisible()).as("value labels").isTrue();
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Customers");
        assertThat(plot.getRangeAxis().getUpperBound()).as("room for the tallest label").isGreaterThan(1424);
        assertThat(subtitle(chart.chart())).contains("2,357 customers", "1997-09-30");
    }

    @Test
    void aLongHistogramDropsItsValueLabels() {
        int n = RepeatPurchaseChart.MAX_LABELLED + 1;
        String[] labels = new String[n];
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Integer.toString(i);
            counts[i] = 100 - i;
        }
        XYPlot plot = RepeatPurchaseChart.of(new RepeatHistogram(labels, counts, counts), null).chart().getXYPlot();
        assertThat(plot.getRenderer().getDefaultItemLabelsVisible()).isFalse();
        assertThat(((SymbolAxis) plot.getDomainAxis()).getSymbols()).hasSize(n);
    }

    @Test
    void trackingChartsMarkTheEndOfCalibration() {
        for (String id : List.of(TrackingChart.CUMULATIVE_ID, TrackingChart.INCREMENTAL_ID)) {
            ReportChart chart = chart(id);
            XYPlot plot = plot(chart);
            List<ValueMarker> lines = valueMarkers(plot.getDomainMarkers(Layer.FOREGROUND));
            // the dashed line labelled "calibration" on its left, and "holdout" on its right (an invisible twin)
            assertThat(lines).as(id).hasSize(2);
            assertThat(lines).extracting(ValueMarker::getValue).containsOnly((double) CalibrationFixtures.CALIBRATION_WEEKS);
            assertThat(lines).extracting(Marker::getLabel).containsExactly("calibration", "holdout");
            assertThat(((java.awt.Color) lines.get(0).getPaint()).getAlpha()).as("the line is visible").isEqualTo(255);
            assertThat(((java.awt.Color) lines.get(1).getPaint()).getAlpha()).as("its twin is not").isZero();
            assertThat(plot.getDomainAxis().getLabel()).isEqualTo("Week");
            assertThat(plot.getDomainAxis().getUpperBound()).isEqualTo(CalibrationFixtures.WEEKS);
            assertThat(legend(chart)).containsExactly("Observed", "BG/NBD expected");
            assertThat(subtitle(chart.chart())).contains("weeks 1–39", "weeks 40–78");
        }
        XYPlot cumulative = plot(chart(TrackingChart.CUMULATIVE_ID));
        XYDataset data = cumulative.getDataset();
        // starts from zero before week 1 and ends near the 4,000 transactions of the fixture
        assertThat(data.getXValue(0, 0)).isZero();
        assertThat(data.getYValue(1, data.getItemCount(1) - 1)).isCloseTo(4000, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(cumulative.getRangeAxis().getLabel()).contains("cumulative");
        assertThat(plot(chart(TrackingChart.INCREMENTAL_ID)).getRangeAxis().getLabel()).isEqualTo("Repeat transactions per week");
        assertThat(chart(TrackingChart.INCREMENTAL_ID).title()).isEqualTo("Weekly repeat transactions");
    }

    @Test
    void conditionalExpectationsShowGroupSizesAndBothLines() {
        ReportChart chart = chart(ConditionalExpectationChart.ID);
        XYPlot plot = plot(chart);
        String[] symbols = ((SymbolAxis) plot.getDomainAxis()).getSymbols();
        assertThat(symbols).hasSize(8);
        assertThat(symbols[0]).isEqualTo("0 (1,411)");
        assertThat(symbols[7]).isEqualTo("7+ (64)");
        assertThat(legend(chart)).containsExactly("Observed", "BG/NBD conditional expectation");
        assertThat(plot.getDataset().getYValue(0, 7)).isEqualTo(6.359);
        assertThat(subtitle(chart.chart())).contains("39-week holdout");
    }

    @Test
    void anEmptyConditionalGroupLeavesAGapNotAZero() {
        ConditionalExpectation c = new ConditionalExpectation(new String[] {"0", "1", "2"}, new double[] {0.2, Double.NaN, 1.4},
                new double[] {0.1, 0.6, 1.2}, new int[] {10, 0, 3});
        XYPlot plot = ConditionalExpectationChart.of(c, "week", 0).chart().getXYPlot();
        assertThat(plot.getDataset().getY(0, 1)).isNull();
    }

    @Test
    void survivalProjectsDashedBeyondTheObservedPeriods() {
        ReportChart chart = chart(SurvivalChart.ID);
        XYPlot plot = plot(chart);
        assertThat(legend(chart)).containsExactly("Observed", "sBG fit", "sBG projection");
        XYDataset data = plot.getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(8);
        assertThat(data.getItemCount(1)).isEqualTo(8);
        // the projection joins the fit at the last observed year and runs to year 12
        assertThat(data.getXValue(2, 0)).isEqualTo(7);
        assertThat(data.getXValue(2, data.getItemCount(2) - 1)).isEqualTo(12);
        assertThat(((java.awt.BasicStroke) plot.getRenderer().getSeriesStroke(2)).getDashArray()).isNotNull();
        assertThat(((java.awt.BasicStroke) plot.getRenderer().getSeriesStroke(1)).getDashArray()).isNull();
        List<ValueMarker> lines = valueMarkers(plot.getDomainMarkers(Layer.FOREGROUND));
        assertThat(lines).extracting(ValueMarker::getValue).containsExactly(7.0, 7.0);
        assertThat(lines).extracting(Marker::getLabel).containsExactly("observed", "projected");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("Year");
    }

    @Test
    void survivalWithoutProjectionHasNoProjectionSeries() {
        SurvivalSeries s = new SurvivalSeries("month", new double[] {0, 1, 2}, new double[] {1, 0.8, 0.7}, new double[] {1, 0.79, 0.69});
        XYPlot plot = SurvivalChart.of(s).chart().getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(valueMarkers(plot.getDomainMarkers(Layer.FOREGROUND))).isEmpty();
    }

    @Test
    void spendHistogramIsADensityWithTheFittedLine() {
        ReportChart chart = chart(SpendChart.ID);
        XYPlot plot = plot(chart);
        assertThat(legend(chart)).containsExactly("Observed customers (946)", "Gamma-Gamma density");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("Mean spend per repeat transaction (USD)");
        XYDataset bars = plot.getDataset(0);
        org.jfree.data.xy.IntervalXYDataset intervals = (org.jfree.data.xy.IntervalXYDataset) bars;
        double area = 0;
        for (int i = 0; i < bars.getItemCount(0); i++) {
            area += bars.getYValue(0, i) * (intervals.getEndXValue(0, i) - intervals.getStartXValue(0, i));
        }
        // the bars hold every customer but those beyond the 99th percentile cut: area between 0.99 and 1
        assertThat(area).isBetween(0.985, 1.0 + 1e-9);
        assertThat(plot.getDataset(1).getItemCount(0)).isPositive();
        assertThat(subtitle(chart.chart())).contains("946 repeat customers", "not shown");
    }

    @Test
    void binWidthIsRoundAndKeepsTheBinCountReasonable() {
        double[] sorted = new double[1000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i * 0.1;
        }
        double width = SpendChart.binWidth(sorted, 99);
        assertThat(99 / width).isBetween(8.0, 60.0);
        double mantissa = width / Math.pow(10, Math.floor(Math.log10(width)));
        assertThat(mantissa).isIn(1.0, 2.0, 2.5, 5.0);
        assertThat(SpendChart.quantile(new double[] {1, 2, 3, 4, 5}, 0.5)).isEqualTo(3);
        assertThat(SpendChart.quantile(new double[] {0, 10}, 0.25)).isEqualTo(2.5);
    }

    @Test
    void periodAxisTicksSuitTheUnit() {
        assertThat(CalibrationStyle.periodAxis("week", 0, 78).getTickUnit().getSize()).isEqualTo(13);
        assertThat(CalibrationStyle.periodAxis("month", 0, 36).getTickUnit().getSize()).isEqualTo(6);
        assertThat(CalibrationStyle.periodAxis("year", 0, 12).getTickUnit().getSize()).isEqualTo(2);
        assertThat(CalibrationStyle.plural("week", 2)).isEqualTo("weeks");
        assertThat(CalibrationStyle.plural("day", 2)).isEqualTo("days");
        assertThat(CalibrationStyle.plural("week", 1)).isEqualTo("week");
    }

    private static List<ValueMarker> valueMarkers(Collection<?> markers) {
        List<ValueMarker> out = new ArrayList<>();
        if (markers != null) {
            for (Object m : markers) {
                if (m instanceof ValueMarker v) {
                    out.add(v);
                } else {
                    assertThat(m).isInstanceOf(Marker.class);
                }
            }
        }
        return out;
    }

    private static double nonWhiteShare(BufferedImage image) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    count++;
                }
            }
        }
        return count / (double) ((image.getWidth() / 4) * (image.getHeight() / 4));
    }
}
