package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /api/status} answers: the run's state and progress and, once done, its key figures and the
 * addresses of its charts; while it goes on, its preview (a sample, scaled) and the latest snapshot of its months so
 * far.
 *
 * @param run       the run's id
 * @param state     QUEUED, RUNNING, DONE, FAILED or CANCELLED
 * @param done      month-steps simulated so far
 * @param total     month-steps in all
 * @param elapsedMs from the request to now, or to the end
 * @param error     why a FAILED run failed, else null
 * @param result    the results when DONE, else null
 * @param preview   the preview's state and, when done, its results (a sample scaled to the scenario's size); null
 *                  when the run has none (a scenario no larger than the sample) or is done
 * @param partial   the latest snapshot of the months simulated so far while the run goes on, else null
 */
record RunStatus(String run, String state, long done, long total, long elapsedMs, String error, Result result,
        Preview preview, Result partial) {

    /**
     * Results for the page: a finished run's, a preview's or a snapshot's.
     *
     * @param customers        the scenario's population (a preview's results are scaled to it)
     * @param sampleCustomers  the population simulated: the sample's for a preview, else {@code customers}
     * @param monthsDone       months shown: {@code months} except for a snapshot during the first replication
     * @param replicationsDone replications finished (a snapshot's); {@code replications} when done
     * @param version          a snapshot's number (1, 2, …), 0 otherwise
     */
    record Result(String scenario, long seed, int months, int customers, int replications, List<String> strategies,
            KeyFigureTable figures, List<Chart> charts, long simulateMs, long drawMs, int sampleCustomers,
            int monthsDone, int replicationsDone, int version) {
    }

    /** A run's preview: its state and, once done, its results. */
    record Preview(String run, String state, Result result) {
    }

    /** A chart's place on the page, title, caption, address and drawn size (its aspect ratio). */
    record Chart(String group, String strategy, String title, String caption, String url, int width, int height) {
    }

    static RunStatus of(RunJob job) {
        Result result = finished(job);
        Preview preview = null;
        RunJob p = job.preview();
        if (p != null && result == null) {
            preview = new Preview(p.id(), p.state().name(), finished(p));
        }
        Result partial = null;
        RunJob.Snapshot snap = job.snapshot();
        if (snap != null && result == null) {
            var s = job.scenario();
            partial = new Result(s.name(), s.seed(), s.months(), s.market().initialCustomers(), s.replications(),
                    s.strategies().stream().map(st -> st.name()).toList(), snap.figures(),
                    charts(job.id(), snap.charts(), "?v=" + snap.version()), job.elapsedMillis(), snap.drawMillis(),
                    s.market().initialCustomers(), snap.month(), snap.replications(), snap.version());
        }
        return new RunStatus(job.id(), job.state().name(), job.done(), job.total(), job.elapsedMillis(), job.error(),
                result, preview, partial);
    }

    /** A finished job's results, else null. */
    private static Result finished(RunJob job) {
        RunJob.Outcome o = job.outcome();
        if (o == null) {
            return null;
        }
        var s = o.scenario();
        int simulated = job.isPreview() ? job.sample().scenario().market().initialCustomers() : s.market().initialCustomers();
        int replications = o.result().metrics().replications();
        return new Result(s.name(), s.seed(), s.months(), s.market().initialCustomers(), replications,
                o.result().metrics().strategies(), o.figures(), charts(job.id(), o.charts(), ""), o.simulateMillis(),
                o.drawMillis(), simulated, s.months(), replications, 0);
    }

    private static List<Chart> charts(String run, List<PageCharts.Drawn> drawn, String query) {
        List<Chart> charts = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            PageCharts.Drawn d = drawn.get(i);
            charts.add(new Chart(d.group().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), d.strategy(),
                    d.title(), d.caption(), "/api/runs/" + run + "/charts/" + i + query, d.width(), d.height()));
        }
        return charts;
    }
}
