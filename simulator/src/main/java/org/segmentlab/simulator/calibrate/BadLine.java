package org.segmentlab.simulator.calibrate;

/**
 * What is wrong with one line of a log, located like a compiler message: {@code file:line:column: what is wrong}.
 *
 * @param source  the file as the user named it
 * @param line    1-based physical line (for a CSV record spanning lines, the line the field is on); 0 when the
 *                problem is with the file as a whole (e.g. a column mapping a whitespace log cannot have), shown as
 *                {@code file: what is wrong}
 * @param column  1-based column (in characters) of the value or place at fault; 0 when the whole line is meant,
 *                shown as {@code file:line: what is wrong}
 * @param message what is wrong, starting with the field, e.g. {@code amount: not a number: 'abc'}
 */
public record BadLine(String source, long line, int column, String message) {

    /** A problem with a whole line (no column). */
    public BadLine(String source, long line, String message) {
        this(source, line, 0, message);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return source + ": " + message;
        }
        return column > 0 ? source + ":" + line + ":" + column + ": " + message : source + ":" + line + ": " + message;
    }
}
