package org.segmentlab.simulator.scenario;

/**
 * One thing wrong with a scenario, where it was written: the file (or {@code --set PATH} for an override), the
 * 1-based line and column, the scenario path (e.g. {@code archetypes[1].churn.beta}) and what is wrong and what is
 * allowed. Prints as {@code file:line:column: path: message}, the form editors and compilers use.
 *
 * @param line   1-based line, or 0 when the problem has no position in a text (an unreadable file, a bad
 *               override path); the location is then just the source
 * @param column 1-based column, or 0 with {@code line}
 * @param path   the scenario path of the value, or empty when the problem concerns the whole text (a YAML syntax error)
 */
public record LocatedProblem(String source, int line, int column, String path, String message) {

    public LocatedProblem {
        if (source == null || path == null || message == null) {
            throw new IllegalArgumentException("source, path and message are required");
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, got " + line + ":" + column);
        }
    }

    /** {@code line:column: path: message}: the problem without its source, as the bad-scenario catalogue lists it. */
    public String withoutSource() {
        StringBuilder sb = new StringBuilder();
        if (line > 0) {
            sb.append(line).append(':').append(column).append(": ");
        }
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return source + (line > 0 ? ":" : ": ") + withoutSource();
    }
}
