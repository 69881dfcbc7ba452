package org.segmentlab.simulator.calibrate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of a log holds which {@link LogField}. A field the mapping does not name takes the format's
 * default: in a whitespace log the CDNOW layout (customer = column 1, date = 3, quantity = 4, amount = 5, no
 * discount), in a CSV log the header column whose name is one of {@link LogField#headerNames()}.
 *
 * <p>A column is written as a CSV header name (matched exactly, else ignoring case, spaces and punctuation) or as
 * a 1-based position; a whitespace log accepts positions only. {@link #NONE} tells the reader to ignore an
 * optional field the format would otherwise read. Immutable.
 */
public record ColumnMapping(Map<LogField, String> columns) {

    /** Maps an optional field to nothing: {@code --quantity none}. */
    public static final String NONE = "none";

    public ColumnMapping {
        EnumMap<LogField, String> copy = new EnumMap<>(LogField.class);
        for (Map.Entry<LogField, String> e : columns.entrySet()) {
            copy.put(e.getKey(), check(e.getKey(), e.getValue()));
        }
        columns = Collections.unmodifiableMap(copy);
    }

    /** Every field at the format's default. */
    public static ColumnMapping defaults() {
        return new ColumnMapping(Map.of());
    }

    /**
     * The same mapping with {@code field} read from {@code column}.
     *
     * @throws IllegalArgumentException when the column is blank, or {@link #NONE} for a required field
     */
    public ColumnMapping with(LogField field, String column) {
        EnumMap<LogField, String> copy = new EnumMap<>(LogField.class);
        copy.putAll(columns);
        copy.put(field, column);
        return new ColumnMapping(copy);
    }

    /** The column the user named for a field, if any ({@link #NONE} included). */
    public Optional<String> column(LogField field) {
        return Optional.ofNullable(columns.get(field));
    }

    /** Whether the user switched an optional field off with {@link #NONE}. */
    public boolean ignores(LogField field) {
        return NONE.equalsIgnoreCase(columns.getOrDefault(field, ""));
    }

    private static String check(LogField field, String column) {
        if (field == null || column == null || column.isBlank()) {
            throw new IllegalArgumentException((field == null ? "field" : field.key()) + ": the column must not be empty");
        }
        String c = column.strip();
        if (field.required() && NONE.equalsIgnoreCase(c)) {
            throw new IllegalArgumentException(field.key() + ": is required and cannot be '" + NONE + "'");
        }
        return c;
    }
}
