package org.segmentlab.model;

/**
 * One thing wrong with a definition: where (a dotted path such as {@code segments[1].when[0].frequency})
 * and what, including what would have been allowed. Loaders add the file location.
 */
public record Problem(String path, String message) {

    public Problem {
        if (path == null || message == null) {
            throw new IllegalArgumentException("path and message are required");
        }
    }

    /** The same problem seen from a parent object, e.g. {@code at("taxonomy")} turns {@code segments[0]} into {@code taxonomy.segments[0]}. */
    public Problem under(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        if (path.isEmpty()) {
            return new Problem(prefix, message);
        }
        return new Problem(path.startsWith("[") ? prefix + path : prefix + "." + path, message);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
