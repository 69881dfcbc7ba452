package org.segmentlab.simulator.metrics;

import java.util.Objects;

/**
 * A scenario event as the reports show it: a short label and the months it is in effect, clipped to the run. Reports
 * shade these months on every time chart, so a dip can be read against its cause.
 *
 * @param label      a short name for a chart ("Rep departure")
 * @param firstMonth the first month in effect, at least 1
 * @param lastMonth  the last month in effect within the run, at least {@code firstMonth}
 */
public record EventPeriod(String label, int firstMonth, int lastMonth) {

    public EventPeriod {
        Objects.requireNonNull(label, "label");
        if (firstMonth < 1 || lastMonth < firstMonth) {
            throw new IllegalArgumentException("an event period needs 1 <= firstMonth <= lastMonth, got " + firstMonth + "–" + lastMonth);
        }
    }

    /** "months 12–17", or "month 12" for a one-month event. */
    public String months() {
        return firstMonth == lastMonth ? "month " + firstMonth : "months " + firstMonth + "\u2013" + lastMonth;
    }
}
