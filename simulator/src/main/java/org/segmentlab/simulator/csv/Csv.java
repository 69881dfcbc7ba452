package org.segmentlab.simulator.csv;

/**
 * The one way SegmentLab writes CSV (the reading side is {@link CsvReader}): RFC 4180 fields separated by commas,
 * records ended by LF. A field is written as is unless it holds a comma, a double quote, a CR or an LF; then it is
 * enclosed in double quotes with every quote doubled ({@code a,"b} → {@code "a,""b"}). Nothing else is quoted: not an
 * empty field, not leading or trailing blanks, not a leading {@code #}. Numbers are the caller's text (the writers use
 * {@link Double#toString} so values read back exactly, and leave NaN as an empty field).
 *
 * <p>Every CSV file SegmentLab writes (metrics.csv, attribution.csv, bridge.csv, explain.csv, sweep and sensitivity
 * tables, parameters.csv, customers.csv, summaries.csv, segments.csv, the workbench's tournament export) goes through
 * {@link #appendField}: those files are public contracts, and one rule keeps them byte-stable.
 */
public final class Csv {

    private Csv() {
    }

    /** Whether a field must be quoted: it holds a comma, a double quote, a CR or an LF. */
    public static boolean needsQuotes(CharSequence field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Appends one field, quoted only when {@link #needsQuotes} says so; returns {@code out}. */
    public static StringBuilder appendField(StringBuilder out, String field) {
        if (!needsQuotes(field)) {
            return out.append(field);
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    /** One field as it is written. */
    public static String field(String field) {
        return needsQuotes(field) ? appendField(new StringBuilder(field.length() + 8), field).toString() : field;
    }

    /** Appends the fields separated by commas (no line end); returns {@code out}. */
    public static StringBuilder appendRecord(StringBuilder out, Iterable<String> fields) {
        boolean first = true;
        for (String f : fields) {
            if (!first) {
                out.append(',');
            }
            appendField(out, f);
            first = false;
        }
        return out;
    }
}
