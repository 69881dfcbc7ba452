package org.segmentlab.simulator.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.scenario.Behaviour;
import org.segmentlab.simulator.lessons.WorkshopLessons.Headline;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * Which mechanism carries each shipped lesson: the table of docs/model.md between {@value #BEGIN} and {@value #END}
 * is this class's output. For every shipped scenario, the lesson's headline (cumulative profit of one strategy minus
 * another's) is measured with the model as shipped and with one mechanism switched off at a time; each cell is the
 * share of the headline left. A lesson carried by a mechanism goes (near 0%, or reverses) when it is off and stays
 * (near 100%) when the others are. Runs at {@value #CUSTOMERS} initial customers, everything that counts a whole
 * business scaled with it ({@link WorkshopRun#atSize}), at the scenario's seed.
 * <p>
 * A stale block fails with the first difference; {@value #REGENERATE} rewrites it (the test run with
 * {@code -Dsegmentlab.regenerate=true}).
 */
class LessonMechanismsTest {

    static final String BEGIN = "<!-- mechanisms:begin -->";
    static final String END = "<!-- mechanisms:end -->";
    static final String REGENERATE = "docs/regenerate-mechanisms.sh";
    static final int CUSTOMERS = 10_000;
    private static final Path PAGE = Path.of("..", "docs", "model.md");
    private static final String PROFIT = "profit_cumulative";

    /** The mechanisms switched off in turn, each by the keys a user would set with {@code --set}. */
    static final Map<String, UnaryOperator<ScenarioDocument>> SWITCHES = new LinkedHashMap<>();

    static {
        SWITCHES.put("negative WOM damping (κ = 0)", d -> d.with("market.negativeWeight", "0"));
        SWITCHES.put("imitation (q = 0)", d -> d.with("market.imitation", "0"));
        SWITCHES.put("referrals convert (0)", d -> d.with("market.referralConversion", "0"));
        SWITCHES.put("reputation effect (0)", d -> d.with("market.reputation.effect", "0"));
        SWITCHES.put("tenure effects (0)", d -> d.with("behaviour.tenureSpendGrowth", "0")
                .with("behaviour.tenureServiceDecline", "0"));
        SWITCHES.put("all word of mouth", d -> d.with("market.negativeWeight", "0").with("market.imitation", "0")
                .with("market.referralConversion", "0").with("market.reputation.effect", "0")
                .with("behaviour.negativeWomChurnEffect", "0"));
    }

    @Test
    void theTableInTheModelPageIsWhatTheRunsGiveNow() throws IOException {
        List<String> page = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
        List<String> now = table();
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertThat(begin).as("docs/model.md has a line %s", BEGIN).isNotNegative();
        assertThat(end).as("docs/model.md has a line %s after it", END).isGreaterThan(begin);
        List<String> written = page.subList(begin + 1, end);
        if (written.equals(now)) {
            return;
        }
        if (Boolean.getBoolean("segmentlab.regenerate")) {
            List<String> updated = new ArrayList<>(page.subList(0, begin + 1));
            updated.addAll(now);
            updated.addAll(page.subList(end, page.size()));
            Files.write(PAGE, updated, StandardCharsets.UTF_8);
            return;
        }
        fail(staleMessage(written, now));
    }

    @Test
    void aStaleTableFailsWithTheFirstDifferenceAndTheRegenerateCommand() {
        List<String> now = List.of("| a | b |", "| --- | --- |", "| x | 100% |");
        List<String> edited = List.of("| a | b |", "| --- | --- |", "| x | 99% |");
        assertThat(staleMessage(edited, now)).contains("line 3", "| x | 99% |", "| x | 100% |", REGENERATE);
    }

    @Test
    void everyShippedScenarioHasAHeadline() {
        WorkshopLessons.HEADLINES.forEach((file, headline) -> assertThat(headline)
                .as("%s: its lesson in WorkshopLessons has a @Headline", file).isNotNull());
    }

    static String staleMessage(List<String> written, List<String> now) {
        int i = 0;
        while (i < Math.min(written.size(), now.size()) && written.get(i).equals(now.get(i))) {
            i++;
        }
        return "docs/model.md: the mechanism table is stale at line " + (i + 1) + " of the block: written '"
                + (i < written.size() ? written.get(i) : "(nothing)") + "', the runs give '"
                + (i < now.size() ? now.get(i) : "(nothing)") + "'; run " + REGENERATE;
    }

    /** The markdown table: one row per lesson, the headline and the share of it left with each mechanism off. */
    static List<String> table() {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder("| scenario | lesson: cumulative profit | headline |");
        StringBuilder rule = new StringBuilder("| --- | --- | ---: |");
        for (String name : SWITCHES.keySet()) {
            head.append(' ').append(name).append(" off |");
            rule.append(" ---: |");
        }
        lines.add(head.toString());
        lines.add(rule.toString());
        for (Map.Entry<String, Headline> lesson : WorkshopLessons.HEADLINES.entrySet()) {
            Headline h = lesson.getValue();
            ScenarioDocument doc = WorkshopRun.atSize(WorkshopRun.SHIPPED.resolve(lesson.getKey()), CUSTOMERS);
            double gap = gap(doc, h);
            Behaviour b = doc.scenario().behaviour();
            boolean tenure = b.tenureSpendGrowth() > 0 || b.tenureServiceDecline() > 0;
            StringBuilder row = new StringBuilder("| ").append(lesson.getKey().replace(".yaml", "")).append(" | ")
                    .append(h.better()).append(" − ").append(h.than()).append(" | ").append(money(gap)).append(" |");
            for (Map.Entry<String, UnaryOperator<ScenarioDocument>> s : SWITCHES.entrySet()) {
                if (s.getKey().startsWith("tenure") && !tenure) {
                    row.append(" (not used) |");
                    continue;
                }
                row.append(' ').append(share(gap(s.getValue().apply(doc), h) / gap)).append(" |");
            }
            lines.add(row.toString());
        }
        return lines;
    }

    private static double gap(ScenarioDocument doc, Headline h) {
        WorkshopRun r = WorkshopRun.run(doc);
        return r.last(h.better(), PROFIT) - r.last(h.than(), PROFIT);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%+.2f M", v / 1e6).replace('-', '−');
    }

    private static String share(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v).replace('-', '−');
    }
}
