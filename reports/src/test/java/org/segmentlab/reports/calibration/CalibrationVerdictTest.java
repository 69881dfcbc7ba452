package org.segmentlab.reports.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The top of calibration.html: the holdout verdict, the forward command; and the file list and sBG caveat below. */
class CalibrationVerdictTest {

    private static CalibrationReportInput withHoldout(HoldoutVerdict holdout) {
        CalibrationReportInput c = CalibrationFixtures.cdnow();
        return new CalibrationReportInput(c.title(), c.source(), c.calibrationEnd(), c.unit(), c.models(), c.histogram(), c.tracking(),
                c.conditional(), c.survival(), c.spend(), c.version(), holdout,
                List.of(new ListedFile("scenario.yaml", "the calibrated scenario")), "bin/segmentlab run out/c/scenario.yaml --out out/c-forward");
    }

    @Test
    void anOverPredictionIsSaidAsSuchWithTheNumbers() {
        String html = CalibrationHtml.render(withHoldout(new HoldoutVerdict(39, "week", 1000, 1234.4)),
                List.of(new org.segmentlab.reports.html.InlineChart(SurvivalChart.ID, "Retention", "caption", "<svg></svg>")));
        assertThat(html).contains("<strong>Holdout check (39.0 weeks):</strong> 1,000 repeat transactions observed, 1,234 predicted by the BG/NBD "
                + "(+23.4%): the model over-predicts by 23.4%.");
        assertThat(html.indexOf("id=\"verdict\"")).isLessThan(html.indexOf("</header>"));
        assertThat(html).contains("<strong>Simulate forward:</strong> <code>bin/segmentlab run out/c/scenario.yaml --out out/c-forward</code>")
                .contains("<tr><td><code>scenario.yaml</code></td><td>the calibrated scenario</td></tr>")
                .contains("<tr><td><code>calibration.html</code></td><td>this page</td></tr>")
                .contains("<p class=\"caveat\">Caveat: the shifted-beta-geometric is a model of contractual retention");
    }

    @Test
    void withoutAHoldoutThePageSaysTheFitsAreUnchecked() {
        String html = CalibrationHtml.render(CalibrationFixtures.minimal(), List.of());
        assertThat(html).contains("<strong>No holdout check:</strong>").doesNotContain("Simulate forward:");
    }

    @Test
    void aHoldoutInAnotherUnitIsRefused() {
        assertThatThrownBy(() -> withHoldout(new HoldoutVerdict(9, "month", 10, 12))).hasMessageContaining("the holdout is in months");
    }
}
