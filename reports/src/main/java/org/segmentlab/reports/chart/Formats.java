package org.segmentlab.reports.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;

/** Number formats for ticks, labels and tables: locale-independent (English symbols), so output is the same everywhere. */
public final class Formats {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
    /** The typographic minus, clearer than a hyphen in charts and tables. */
    public static final String MINUS = "\u2212";

    private Formats() {
    }

    /** A pattern format with English symbols. */
    public static DecimalFormat pattern(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
        format.setNegativePrefix(MINUS);
        return format;
    }

    /** Tick units for shares shown as percentages, each with just enough decimals so that no two ticks read alike. */
    public static TickUnitSource percentTicks() {
        TickUnits units = new TickUnits();
        double[] sizes = {0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1};
        for (double size : sizes) {
            String pattern = size < 0.001 ? "0.00%" : size < 0.01 ? "0.0%" : "0%";
            units.add(new NumberTickUnit(size, pattern(pattern)));
        }
        return units;
    }

    /** Tick units for percentage-point differences (values already × 100): signed, zero plain. */
    public static TickUnitSource pointTicks() {
        TickUnits units = new TickUnits();
        double[] sizes = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100};
        for (double size : sizes) {
            String digits = size < 0.1 ? "0.00" : size < 1 ? "0.0" : "0";
            units.add(new NumberTickUnit(size, new SignedFormat(digits)));
        }
        return units;
    }

    /**
     * Tick units for plain factors and indices near 1 or in [−1, 1] (a damping factor, the reputation): 0.001 … 1
     * with just enough decimals, so no two ticks read alike.
     */
    public static TickUnitSource decimalTicks() {
        TickUnits units = new TickUnits();
        double[] sizes = {0.001, 0.002, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1};
        for (double size : sizes) {
            String pattern = size < 0.01 || size == 0.025 ? "0.000" : size < 0.1 || size == 0.25 ? "0.00" : "0.0";
            units.add(new NumberTickUnit(size, pattern(pattern)));
        }
        return units;
    }


    /** A number format for display only: longs format as doubles, nothing is parsed. */
    abstract static class DisplayFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
            return format((double) number, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }

    /** A signed number ("+1.5", "−2") with a plain "0" at zero. */
    static final class SignedFormat extends DisplayFormat {
        private static final long serialVersionUID = 1L;
        private final DecimalFormat format;

        SignedFormat(String digits) {
            this.format = pattern("+" + digits + ";" + MINUS + digits);
        }

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            // ticks near zero come out as ±1e-17; show them as zero
            if (Math.abs(number) < 1e-9) {
                return out.append('0');
            }
            return format.format(number, out, pos);
        }
    }

    /**
     * Tick units for counts and money, shortened with k / M / B ("1.25M"). An axis made by
     * {@link ChartStyle#valueAxis} with these units gets one format for all its ticks ({@link #compactAxis}).
     */
    public static TickUnitSource compactTicks() {
        TickUnits units = new CompactTickUnits();
        NumberFormat compact = new CompactFormat(false);
        for (double magnitude = 1; magnitude <= 1e12; magnitude *= 10) {
            units.add(new NumberTickUnit(magnitude, compact));
            units.add(new NumberTickUnit(2 * magnitude, compact));
            units.add(new NumberTickUnit(2.5 * magnitude, compact));
            units.add(new NumberTickUnit(5 * magnitude, compact));
        }
        return units;
    }

    /**
     * Makes {@code axis} a count or money axis with ONE number format for all its ticks: the suffix (none, k, M, B)
     * follows the largest value on the axis and the decimals follow the tick size, so an axis reads "0.90M, 0.95M,
     * 1.00M" and never "900k, 950k, 1M". Plain numbers up to 9,999 ("2,500"), zero is a plain "0".
     */
    public static NumberAxis compactAxis(NumberAxis axis) {
        axis.setStandardTickUnits(compactTicks());
        axis.setNumberFormatOverride(new AxisCompactFormat(axis));
        return axis;
    }

    /** The format of {@link #compactAxis}: reads the axis's range and tick size when a tick is labelled. */
    static final class AxisCompactFormat extends DisplayFormat {
        private static final long serialVersionUID = 1L;
        private final transient NumberAxis axis;

        AxisCompactFormat(NumberAxis axis) {
            this.axis = axis;
        }

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            double magnitude = Math.max(Math.abs(axis.getLowerBound()), Math.abs(axis.getUpperBound()));
            return out.append(label(number, magnitude, axis.getTickUnit().getSize()));
        }
    }

    /**
     * A tick label of an axis whose largest absolute value is {@code magnitude} and whose ticks are {@code step}
     * apart: the same suffix and the same number of decimals for every tick of that axis.
     */
    static String label(double value, double magnitude, double step) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        if (Math.abs(value) < step * 1e-6) {
            return "0";
        }
        double unit = magnitude >= 999.5e6 ? 1e9 : magnitude >= 999.5e3 ? 1e6 : magnitude >= 9_999.5 ? 1e3 : 1;
        String suffix = unit == 1e9 ? "B" : unit == 1e6 ? "M" : unit == 1e3 ? "k" : "";
        double scaledStep = step / unit;
        int decimals = 0;
        // the fewest decimals that write the step exactly (0.25 → 2), so neighbouring ticks never read alike
        while (decimals < 6 && Math.abs(scaledStep * Math.pow(10, decimals) - Math.rint(scaledStep * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        String digits = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
        return pattern(digits).format(value / unit) + suffix;
    }

    /** The tick units of {@link #compactTicks()}, recognisable so an axis using them gets {@link #compactAxis}. */
    static final class CompactTickUnits extends TickUnits {
        private static final long serialVersionUID = 1L;
    }

    /** Tick units for month numbers: 1, 2, 3, 6, 12, 24 … months. */
    public static TickUnitSource monthTicks() {
        TickUnits units = new TickUnits();
        NumberFormat format = pattern("0");
        for (int size : new int[] {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200}) {
            units.add(new NumberTickUnit(size, format));
        }
        return units;
    }

    /** A compact number ("1.2k", "−3.4M"); with {@code signed} a leading + on positives. */
    public static String compact(double value, boolean signed) {
        return new CompactFormat(signed).format(value);
    }

    /**
     * A count that may be a mean over replications: one decimal below 10 ("0.4"), whole numbers below 1,000
     * ("59"), compact above ("1.74k").
     */
    public static String count(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return compact(value, false);
        }
        return pattern(abs < 10 && value != Math.rint(value) ? "0.0" : "0").format(value);
    }

    /** A share as a percentage ("81.3%"). */
    public static String percent(double share) {
        return Double.isFinite(share) ? pattern("0.0%").format(share) : "–";
    }

    /** A share difference in percentage points ("+2.1 pp"). */
    public static String points(double shareDifference) {
        return Double.isFinite(shareDifference) ? pattern("+0.0;" + MINUS + "0.0").format(100 * shareDifference) + " pp" : "–";
    }

    /** An amount with thousands separators and no decimals ("12,345"). */
    public static String amount(double value) {
        return Double.isFinite(value) ? pattern("#,##0").format(value) : "–";
    }

    /** An amount with a sign ("+12,345"). */
    public static String signedAmount(double value) {
        return Double.isFinite(value) ? pattern("+#,##0;" + MINUS + "#,##0").format(value) : "–";
    }

    /** A score with two decimals ("0.83"). */
    public static String score(double value) {
        return Double.isFinite(value) ? pattern("0.00").format(value) : "–";
    }

    /** Formats 1,250,000 as "1.25M", 1,500 as "1.5k"; small values with up to two decimals. */
    static final class CompactFormat extends DisplayFormat {
        private static final long serialVersionUID = 1L;
        private final boolean signed;

        CompactFormat(boolean signed) {
            this.signed = signed;
        }

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            if (!Double.isFinite(number)) {
                return out.append('–');
            }
            double abs = Math.abs(number);
            String suffix = "";
            double scaled = abs;
            // Thresholds at 999.5 of the smaller unit: what would round to "1000k" is written "1M".
            if (abs >= 999.5e6) {
                scaled = abs / 1e9;
                suffix = "B";
            } else if (abs >= 999.5e3) {
                scaled = abs / 1e6;
                suffix = "M";
            } else if (abs >= 999.5) {
                scaled = abs / 1e3;
                suffix = "k";
            }
            String digits = pattern(scaled >= 100 ? "0" : scaled >= 10 ? "0.#" : "0.##").format(scaled);
            if (digits.equals("0")) {
                return out.append('0');
            }
            if (number < 0) {
                out.append(MINUS);
            } else if (signed) {
                out.append('+');
            }
            return out.append(digits).append(suffix);
        }
    }
}
