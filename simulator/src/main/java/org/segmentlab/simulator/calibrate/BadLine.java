package org.segmentlab.simulator.calibrate;

/**
 * What is wrong with one line of a log, located like a compiler message: {@code file:line: what is wrong}.
 *
 * @param source the file as the user named it
 * @param line   1-based physical line (for a CSV record spanning lines, the line it starts on); 0 when the
 *               problem is with the file as a whole (e.g. a column mapping a whitespace log cannot have), shown as
 *               {@code file: what is wrong}
 * @param message what is wrong, starting with the field, e.g. {@code amount: not a number: 'abc'}
 */
public record BadLine(String source, long line, String message) {

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
