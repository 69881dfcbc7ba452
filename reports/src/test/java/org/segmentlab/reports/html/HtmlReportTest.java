package org.segmentlab.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.segmentlab.reports.ChannelFixture;
import org.segmentlab.reports.Fixtures;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.reports.chart.ChartExport;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.chart.ReportCharts;
import org.segmentlab.reports.output.ReportInput;
import org.segmentlab.reports.table.RunSummary;
import org.segmentlab.simulator.metrics.RunResult;

public class HtmlReportTest {
    private static final Pattern XMLNS = Pattern.compile("xmlns(:\\w+)?=(\"[^\"]*\"|'[^']*')");

    static String render(RunResult run, String yaml) {
        List<InlineChart> charts = new ArrayList<>();
        for (ReportChart chart : ReportCharts.all(run)) {
            charts.add(new InlineChart(chart.id(), chart.title(), chart.caption(), ChartExport.svgElement(chart.chart(), chart.id())));
        }
        return HtmlReport.render(run, "Compare <b>four</b> types & more", yaml, "0.1.0-TEST", charts);
    }

    /** Fails on anything the page would fetch: URLs, src attributes, stylesheets, @import, url(...) outside the page. */
    public static void assertSelfContained(String html) {
        String withoutNamespaces = XMLNS.matcher(html).replaceAll("");
        assertThat(withoutNamespaces).doesNotContain("http://").doesNotContain("https://").doesNotContain("src=")
                .doesNotContain("<link").doesNotContain("@import").doesNotContain("<script");
        Matcher urls = Pattern.compile("url\\(([^)]*)\\)").matcher(withoutNamespaces);
        while (urls.find()) {
            assertThat(urls.group(1)).as("only in-page references").startsWith("#");
        }
        Matcher hrefs = Pattern.compile("href=[\"']([^\"']*)[\"']").matcher(withoutNamespaces);
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).as("only in-page links").startsWith("#");
        }
    }

    @Test
    void isOneSelfContainedFileWithEveryChartInline() {
        RunResult run = SyntheticRun.of(3, 3, 12, 2);
        String html = render(run, "name: x\n");
        assertSelfContained(html);
        for (ReportChart chart : ReportCharts.all(run)) {
            assertThat(html).contains("<figure id=\"" + chart.id() + "\">");
        }
        assertThat(html.split("<svg", -1)).hasSize(ReportCharts.all(run).size() + 1);
        Matcher ids = Pattern.compile(" id=['\"]([^'\"]*)['\"]").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("unique id " + ids.group(1)).isTrue();
        }
    }

    @Test
    void echoesTheScenarioSeedAndVersionEscaped() {
        RunResult run = SyntheticRun.of(2, 2, 6, 77);
        String yaml = "name: <script>alert(1)</script>\nnote: \"a & b\"\n";
        String html = render(run, yaml);
        assertThat(html).contains("<h1>Four types — synthetic</h1>");
        assertThat(html).contains("Compare &lt;b&gt;four&lt;/b&gt; types &amp; more");
        assertThat(html).contains("name: &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(html).contains("note: &quot;a &amp; b&quot;");
        assertThat(html).contains("<details>").contains("0.1.0-TEST").contains("<dd>77</dd>");
    }

    @Test
    void strategyNamesWithMarkupAreEscapedEverywhere() {
        RunResult run = Fixtures.renameStrategies(SyntheticRun.of(3, 2, 6, 5), List.of("base <line>", "A & B", "<b>bold</b>"));
        String html = render(run, "");
        assertSelfContained(html);
        assertThat(html).doesNotContain("<line>").doesNotContain("<b>").contains("base &lt;line&gt;");
    }

    @Test
    void keyFiguresShowDifferencesOrSayThereIsNoInterval() {
        String one = render(SyntheticRun.of(2, 1, 6, 1), "");
        assertThat(one).contains("no interval: 1 replication");
        String many = render(SyntheticRun.of(2, 5, 6, 1), "");
        assertThat(many).contains("Δ to baseline").contains(" pp").containsPattern("class=\"delta clear( headline)?\"");
    }

    @Test
    void showsLifetimeValueByChannelBesideTheSegmentTable() {
        String html = render(ChannelFixture.of(), "");
        int segments = html.indexOf("<section id=\"lifetime-value\">");
        int channels = html.indexOf("<section id=\"lifetime-value-by-channel\">");
        assertThat(segments).isPositive();
        assertThat(channels).as("right after the segment table").isGreaterThan(segments);
        String section = html.substring(channels, html.indexOf("</section>", channels));
        assertThat(section).contains("<th>Acquisition cost per customer (EUR)</th>").contains("<th>Net value per customer (EUR)</th>");
        // advertising: 200 customers a replication, worth 35, cost 17.5 (pooled by customers), net 17.5
        assertThat(section).contains("<td class=\"channel\">advertising</td><td>200</td><td>35</td><td>18</td><td>18</td>");
        assertThat(section).contains("<td class=\"channel\">referral</td><td>25</td><td>80</td><td>5</td><td>75</td>");
        assertThat(section).as("a channel that brought nobody under any strategy is named, not tabled")
                .doesNotContain("<td class=\"channel\">win-back</td>").contains("no customers came by win-back under any strategy");
        assertThat(section).contains("from arrival to the end of the run: customers acquired late had less time; compare channels within a strategy"
                .replaceFirst("^f", "F"));
        assertThat(html).as("the contents lead to both tables").contains("<a href=\"#lifetime-value\">Lifetime value</a>");
    }

    static String render(RunResult run, List<String> overrides) {
        List<InlineChart> charts = new ArrayList<>();
        for (ReportChart chart : ReportCharts.all(run)) {
            charts.add(new InlineChart(chart.id(), chart.title(), chart.caption(), ChartExport.svgElement(chart.chart(), chart.id())));
        }
        return HtmlReport.render(new ReportInput(run, "The shipped story.", "name: x\n", "0.1.0-TEST", overrides), charts);
    }

    @Test
    void theSummaryComesRightUnderTheTitleAndBeforeTheContents() {
        RunResult run = SyntheticRun.of(3, 4, 12, 9);
        String html = render(run, List.of());
        int title = html.indexOf("</h1>");
        int summary = html.indexOf("<section id=\"summary\"");
        int contents = html.indexOf("<nav");
        int keyFigures = html.indexOf("<section id=\"key-figures\">");
        assertThat(summary).as("summary right after the title").isEqualTo(title + "</h1>\n".length());
        assertThat(contents).as("contents after the summary").isGreaterThan(summary);
        assertThat(keyFigures).isGreaterThan(contents);
        String box = html.substring(summary, html.indexOf("</section>", summary));
        for (String line : RunSummary.of(run).lines()) {
            int colon = line.indexOf(": ");
            assertThat(box).contains("<li><strong>" + Html.escape(line.substring(0, colon + 1)) + "</strong>" + Html.escape(line.substring(colon + 1)) + "</li>");
        }
        assertThat(box).contains("Best by cumulative profit:").contains("Best by final retention:").contains("95% interval");
    }

    @Test
    void theHeaderNamesTheSourceAndEveryOverrideProminently() {
        RunResult run = SyntheticRun.of(2, 3, 12, 31);
        String html = render(run, List.of("market.imitation=0.3", "strategies.textbook.budget=<25000>"));
        String header = html.substring(html.indexOf("<header>"), html.indexOf("</header>"));
        assertThat(header).contains("<span class=\"tag\">modified</span>")
                .contains("Source: scenario Four types — synthetic · seed 31 · 3 replications · 12 months · 2 strategies · currency EUR · SegmentLab 0.1.0-TEST")
                .contains("<div class=\"modified\" id=\"overrides\">")
                .contains("Modified: 2 values differ from the scenario file; the description above is the file's and may not fit this run.")
                .contains("<li><code>market.imitation=0.3</code></li>")
                .contains("<li><code>strategies.textbook.budget=&lt;25000&gt;</code></li>");
        assertThat(html).contains("<title>Four types — synthetic (modified) · SegmentLab report</title>");
        assertThat(html).as("the replay section repeats them").contains("<dt>Modified</dt><dd>market.imitation=0.3, strategies.textbook.budget=&lt;25000&gt;</dd>");
    }

    @Test
    void aRunAsWrittenSaysNothingAboutModifications() {
        String html = render(SyntheticRun.of(2, 3, 12, 31), List.of());
        assertThat(html).doesNotContain("class=\"tag\"").doesNotContain("class=\"modified\"").doesNotContain("<dt>Modified</dt>")
                .contains("<p class=\"source\">Source: scenario Four types — synthetic · seed 31");
    }

    @Test
    void perStrategyDiagnosticsAreFoldedAndTheHeadlineChartsAreNot() {
        RunResult run = SyntheticRun.of(3, 3, 12, 2);
        String html = render(run, List.of());
        int diagnostics = html.indexOf("<section id=\"diagnostics\">");
        assertThat(diagnostics).isPositive();
        String folded = html.substring(diagnostics, html.indexOf("</section>", diagnostics));
        for (ReportChart chart : ReportCharts.all(run)) {
            String id = chart.id();
            boolean diagnostic = id.startsWith("segment-mix") || id.startsWith("transitions-") || id.startsWith("segment-flow-") || id.startsWith("confusion-");
            assertThat(folded.contains("<figure id=\"" + id + "\">")).as(id + " folded").isEqualTo(diagnostic);
        }
        assertThat(folded).contains("<details id=\"segment-mix\">").contains("<details id=\"classifier-against-truth\">");
        assertThat(html.substring(0, diagnostics)).doesNotContain("<details");
        String contents = html.substring(html.indexOf("<nav"), html.indexOf("</nav>"));
        assertThat(contents.split("<li>", -1).length - 1).as("a short table of contents: sections, not charts").isLessThanOrEqualTo(12);
    }

    @Test
    void keyFiguresLeadWithTheProfitDifference() {
        String html = render(SyntheticRun.of(2, 3, 12, 2), List.of());
        String table = html.substring(html.indexOf("<table class=\"key-figures\">"), html.indexOf("</table>", html.indexOf("<table class=\"key-figures\">")));
        assertThat(table.indexOf("Cumulative profit (EUR)")).isLessThan(table.indexOf("Final retention"));
        assertThat(table).contains("<th class=\"delta headline\">Δ to baseline</th>");
    }

    @Test
    void keyFigureAmountsAreCompactWithTheExactAmountOnHover() {
        RunResult run = SyntheticRun.of(2, 1, 12, 2);
        String html = render(run, List.of());
        double profit = run.metrics().finalValues("baseline", org.segmentlab.simulator.metrics.Metric.PROFIT_CUMULATIVE.key())[0];
        assertThat(html).contains("<td class=\"figure-start\" title=\"" + org.segmentlab.reports.chart.Formats.amount(profit) + "\">"
                + org.segmentlab.reports.chart.Formats.compact(profit, false) + "</td>");
    }
}
