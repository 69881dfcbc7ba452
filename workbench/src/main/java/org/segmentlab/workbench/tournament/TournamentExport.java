package org.segmentlab.workbench.tournament;

import java.util.List;
import java.util.Locale;

import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.html.Html;
import org.segmentlab.simulator.csv.Csv;

/** A room's revealed rounds as CSV (one row per team × round) and as a self-contained HTML report. */
final class TournamentExport {

    private TournamentExport() {
    }

    /** {@code team,round,start,objective,mean,low,high,rank,tied_with,<one column per segment>}; empty low/high without an interval. */
    static String csv(List<RoundResult> rounds, List<String> segments) {
        StringBuilder b = new StringBuilder("team,round,start,objective,mean,low,high,rank,tied_with");
        segments.forEach(s -> Csv.appendField(b.append(','), s));
        b.append('\n');
        for (RoundResult r : rounds) {
            for (Standing s : r.leaderboard().standings()) {
                // Names are letters, digits, spaces and . _ ' - (nothing to quote today); quoted by the one rule anyway.
                Csv.appendField(b, s.name()).append(',').append(r.round()).append(',').append(r.start().id()).append(',')
                        .append(r.leaderboard().objective().id()).append(',').append(number(s.mean())).append(',')
                        .append(number(s.low())).append(',').append(number(s.high())).append(',').append(s.rank())
                        .append(',');
                Csv.appendField(b, String.join(";", s.tiedWith()));
                for (String segment : segments) {
                    Csv.appendField(b.append(','), r.played().get(s.team()).treatments().get(segment));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    static String html(String title, RoomSettings settings, List<RoundResult> rounds, List<String> segments) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tournament: ")
                .append(Html.escape(title)).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}td.n{text-align:right}")
                .append("</style></head><body>");
        b.append("<h1>Tournament on ").append(Html.escape(title)).append("</h1><p>Ranked by ")
                .append(Html.escape(settings.objective().label())).append("; monthly budget per team ")
                .append(Formats.amount(settings.budget())).append("; ").append(settings.customers())
                .append(" customers; ").append(settings.replications()).append(" replications (95% intervals); ")
                .append(settings.monthsPerRound()).append(" months per round.</p>");
        for (RoundResult r : rounds) {
            b.append("<h2>Round ").append(r.round()).append(" (months ").append(r.fromMonth() + 1).append('–')
                    .append(r.toMonth()).append(", ").append(r.start() == RoundMode.CONTINUE ? "market continued" : "market from month 0")
                    .append(")</h2><table><tr><th>rank</th><th>team</th><th>mean</th><th>95% interval</th><th>vs baseline</th><th>tied with</th>");
            segments.forEach(s -> b.append("<th>").append(Html.escape(s)).append("</th>"));
            b.append("</tr>");
            for (Standing s : r.leaderboard().standings()) {
                b.append("<tr><td class=n>").append(s.rank()).append("</td><td>").append(Html.escape(s.name()))
                        .append("</td><td class=n>").append(value(s.mean())).append("</td><td class=n>")
                        .append(Double.isNaN(s.low()) ? "—" : value(s.low()) + " … " + value(s.high()))
                        .append("</td><td class=n>").append(value(s.vsBaseline()[0])).append("</td><td>")
                        .append(Html.escape(String.join(", ", s.tiedWith()))).append("</td>");
                for (String segment : segments) {
                    b.append("<td>").append(Html.escape(r.played().get(s.team()).treatments().get(segment))).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</table>");
            if (!r.debrief().topTwo().isEmpty()) {
                b.append("<h3>What separated ").append(Html.escape(r.names().get(r.debrief().winner()))).append(" from ")
                        .append(Html.escape(r.names().get(r.debrief().runnerUp()))).append(" (profit bridge)</h3><table>");
                for (Debrief.BridgeLine line : r.debrief().topTwo()) {
                    b.append("<tr><td>").append(Html.escape(line.label())).append("</td><td class=n>")
                            .append(Formats.signedAmount(line.mean())).append("</td></tr>");
                }
                b.append("</table>");
            }
        }
        return b.append("</body></html>").toString();
    }

    private static String value(double v) {
        return Math.abs(v) < 10 ? String.format(Locale.ROOT, "%.3f", v) : Formats.amount(v);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
