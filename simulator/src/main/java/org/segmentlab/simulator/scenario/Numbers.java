package org.segmentlab.simulator.scenario;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as messages and written scenarios show them: 20000 not 20000.0, 1e12 not 1.0E12. */
final class Numbers {

    private Numbers() {
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return ".nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? ".inf" : "-.inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return (v == 0 && 1 / v < 0) ? "-0.0" : Long.toString((long) v);
        }
        // 1.0E12 -> 1e12, 2.5E-7 -> 2.5e-7: shorter, and still read back to the same double.
        return Double.toString(v).replace("E", "e").replace(".0e", "e");
    }

    /** {@code v} rounded to a few significant digits, for computed values in messages (a sum of shares, a mass). */
    static String approx(double v, int digits) {
        if (!Double.isFinite(v) || v == 0) {
            return format(v);
        }
        return format(new BigDecimal(v).round(new MathContext(digits)).doubleValue());
    }
}
