package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.reports.Fixtures;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.simulator.metrics.RunResult;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Every chart of several small runs renders as a PNG of the stated size and as well-formed SVG. */
class ChartRenderingTest {

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("3 strategies, 3 replications", SyntheticRun.of(3, 3, 12, 5)),
                Arguments.of("2 strategies, 1 replication", SyntheticRun.of(2, 1, 6, 5)),
                Arguments.of("1 strategy, no truth", Fixtures.withoutTruth(SyntheticRun.of(1, 2, 6, 5))),
                Arguments.of("9 strategies (palette wraps)", SyntheticRun.of(9, 2, 6, 5)),
                Arguments.of("names with markup", Fixtures.renameStrategies(SyntheticRun.of(3, 2, 6, 5),
                        List.of("base <line>", "A & B \"quoted\"", "a & b 'quoted'"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void everyChartRendersAsPngAndSvg(String name, RunResult run) throws Exception {
        List<ReportChart> charts = ReportCharts.all(run);
        assertThat(charts).isNotEmpty();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        for (ReportChart chart : charts) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartExport.png(chart.chart())));
            assertThat(image).as(chart.id()).isNotNull();
            assertThat(image.getWidth()).as(chart.id()).isEqualTo(1600);
            assertThat(image.getHeight()).as(chart.id()).isEqualTo(1000);
            assertThat(nonWhiteShare(image)).as(chart.id() + " draws something").isGreaterThan(0.01);

            String svg = ChartExport.svgDocument(ChartExport.svgElement(chart.chart(), chart.id()));
            Document doc = builder.parse(new InputSource(new StringReader(svg)));
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(doc.getDocumentElement().getAttribute("viewBox").split(" ")).extracting(Double::parseDouble).containsExactly(0.0, 0.0, 800.0, 500.0);
            java.util.regex.Matcher ids = java.util.regex.Pattern.compile("id=['\"]([^'\"]*)['\"]").matcher(svg);
            int count = 0;
            while (ids.find()) {
                assertThat(ids.group(1)).as("ids are prefixed by the chart id").startsWith(chart.id() + "-");
                count++;
            }
            assertThat(count).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void expectedChartsArePresent(String name, RunResult run) {
        List<String> ids = ReportCharts.all(run).stream().map(ReportChart::id).toList();
        int strategies = run.metrics().strategies().size();
        assertThat(ids).contains("retention", "profit", "top20-share", "lorenz", "word-of-mouth", "acquisition-channels");
        assertThat(ids.contains("differences")).isEqualTo(strategies > 1);
        assertThat(ids.stream().filter(id -> id.startsWith("segment-mix-"))).hasSize(strategies);
        assertThat(ids.stream().filter(id -> id.startsWith("transitions-"))).hasSize(strategies);
        assertThat(ids.stream().filter(id -> id.startsWith("segment-flow-"))).hasSize(strategies);
        assertThat(ids.stream().filter(id -> id.startsWith("confusion-"))).hasSize(run.hasTruth() ? strategies : 0);
        assertThat(ids).doesNotHaveDuplicates();
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
