package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /api/status} answers: the run's state and progress and, once done, its key figures and the
 * addresses of its charts.
 *
 * @param run       the run's id
 * @param state     QUEUED, RUNNING, DONE, FAILED or CANCELLED
 * @param done      month-steps simulated so far
 * @param total     month-steps in all
 * @param elapsedMs from the request to now, or to the end
 * @param error     why a FAILED run failed, else null
 * @param result    the results when DONE, else null
 */
record RunStatus(String run, String state, long done, long total, long elapsedMs, String error, Result result) {

    /** A finished run's results for the page. */
    record Result(String scenario, long seed, int months, int customers, int replications, List<String> strategies,
            KeyFigureTable figures, List<Chart> charts, long simulateMs, long drawMs) {
    }

    /** A chart's place on the page, title, caption, address and drawn size (its aspect ratio). */
    record Chart(String group, String strategy, String title, String caption, String url, int width, int height) {
    }

    static RunStatus of(RunJob job) {
        RunJob.Outcome o = job.outcome();
        Result result = null;
        if (o != null) {
            List<Chart> charts = new ArrayList<>();
            for (int i = 0; i < o.charts().size(); i++) {
                PageCharts.Drawn d = o.charts().get(i);
                charts.add(new Chart(d.group().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), d.strategy(),
                        d.title(), d.caption(), "/api/runs/" + job.id() + "/charts/" + i, d.width(), d.height()));
            }
            var s = o.scenario();
            result = new Result(s.name(), s.seed(), s.months(), s.market().initialCustomers(), s.replications(),
                    o.result().metrics().strategies(), o.figures(), charts, o.simulateMillis(), o.drawMillis());
        }
        return new RunStatus(job.id(), job.state().name(), job.done(), job.total(), job.elapsedMillis(), job.error(), result);
    }
}
