package org.segmentlab.simulator.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One varied scenario value: its path and either explicit values ({@code path=a,b,c}) or a numeric range
 * ({@code path=lo..hi}, optionally {@code lo..hi:n} for n grid levels). A range whose bounds are written as whole
 * numbers ({@code 2..12}) is integer-valued: designs and searches then use whole numbers only.
 *
 * @param path    the scenario path, e.g. {@code thresholds.loyal.frequency.min}
 * @param values  the explicit values, or empty for a range
 * @param low     the range's lower bound (NaN for explicit values)
 * @param high    the range's upper bound (NaN for explicit values)
 * @param levels  grid levels of a range (≥ 2); for explicit values, their count
 * @param integer whether the range holds whole numbers only
 */
public record Factor(String path, List<String> values, double low, double high, int levels, boolean integer) {

    /** Grid levels of a range given without {@code :n}. */
    public static final int DEFAULT_LEVELS = 5;

    public Factor {
        values = List.copyOf(values);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a varied value needs a scenario path, e.g. market.imitation=0.1..0.4");
        }
    }

    /** Explicit values. */
    public static Factor of(String path, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(path + ": give at least one value");
        }
        return new Factor(path, values, Double.NaN, Double.NaN, values.size(), false);
    }

    /** A continuous range. */
    public static Factor range(String path, double low, double high, int levels) {
        return checkedRange(path, low, high, levels, false);
    }

    /** A range of whole numbers. */
    public static Factor integers(String path, long low, long high, int levels) {
        return checkedRange(path, low, high, levels, true);
    }

    private static Factor checkedRange(String path, double low, double high, int levels, boolean integer) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low >= high) {
            throw new IllegalArgumentException(path + ": a range lo..hi needs finite lo < hi, got " + fmt(low) + ".." + fmt(high));
        }
        if (levels < 2) {
            throw new IllegalArgumentException(path + ": a range needs at least 2 grid levels, got " + levels);
        }
        return new Factor(path, List.of(), low, high, levels, integer);
    }

    /**
     * Parses {@code path=a,b,c}, {@code path=lo..hi} or {@code path=lo..hi:n}.
     *
     * @throws IllegalArgumentException with what is wrong and what is allowed
     */
    public static Factor parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("'" + spec + "': write PATH=VALUES, e.g. market.imitation=0.1..0.4,"
                    + " market.imitation=0.1..0.4:7 or thresholds.loyal.frequency.min=4,6,8");
        }
        String path = spec.substring(0, eq).trim();
        String rest = spec.substring(eq + 1).trim();
        int dots = rest.indexOf("..");
        if (dots < 0) {
            List<String> values = new ArrayList<>();
            for (String v : splitTopLevel(rest)) {
                if (v.isBlank()) {
                    throw new IllegalArgumentException("'" + spec + "': an empty value in the list");
                }
                values.add(v.trim());
            }
            return of(path, values);
        }
        String lowText = rest.substring(0, dots).trim();
        String highPart = rest.substring(dots + 2).trim();
        int levels = DEFAULT_LEVELS;
        int colon = highPart.indexOf(':');
        if (colon >= 0) {
            levels = parseInt(spec, highPart.substring(colon + 1).trim());
            highPart = highPart.substring(0, colon).trim();
        }
        boolean integer = isWhole(lowText) && isWhole(highPart);
        double low = parseNumber(spec, lowText);
        double high = parseNumber(spec, highPart);
        if (integer) {
            long l = Long.parseLong(lowText);
            long h = Long.parseLong(highPart);
            return integers(path, l, h, colon >= 0 ? levels : (int) Math.min(DEFAULT_LEVELS, h - l + 1));
        }
        return range(path, low, high, levels);
    }

    public boolean isRange() {
        return values.isEmpty();
    }

    /** The value at u ∈ [0, 1) of the range (integers: the whole numbers split into equal strata), as text. */
    public String at(double u) {
        if (integer) {
            long span = (long) high - (long) low + 1;
            long k = Math.min(span - 1, (long) Math.floor(u * span));
            return Long.toString((long) low + k);
        }
        return fmt(low + u * (high - low));
    }

    /** The grid levels of a range, or the explicit values. Integer ranges give distinct whole numbers. */
    public List<String> gridValues() {
        if (!isRange()) {
            return values;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            double x = low + i * (high - low) / (levels - 1);
            String v = integer ? Long.toString(Math.round(x)) : fmt(x);
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * A number as short decimal text: 12 significant digits, so a grid step of 0.1 gives {@code 0.3} rather than
     * {@code 0.30000000000000004} (the text is what reaches the scenario and the CSV).
     */
    static String fmt(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return new BigDecimal(x).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    /** Splits at commas outside braces and brackets: {@code {dist: beta, alpha: 1},0.02} is two values. */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static boolean isWhole(String s) {
        return s.matches("[+-]?\\d+");
    }

    private static double parseNumber(String spec, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': '" + s + "' is not a number; a range is lo..hi or lo..hi:n");
        }
    }

    private static int parseInt(String spec, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': the grid levels after ':' must be a whole number, got '" + s + "'");
        }
    }
}
