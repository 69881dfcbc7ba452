package org.segmentlab.simulator.scenario;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the place it was written: the loader's own tree, because a Jackson {@code JsonNode} carries
 * no location. Immutable; {@link ScenarioDocument#with} builds new trees by path copying.
 */
sealed interface YamlNode {

    Location location();

    /** What the value is, as an error message says it ("a list", "the string 'abc'"). */
    String describe();

    /** Where a value was written: a file (or {@code --set PATH} for an override), 1-based line and column. */
    record Location(String source, int line, int column) {
        static Location unknown(String source) {
            return new Location(source, 0, 0);
        }
    }

    /** The kinds of scalar, as the YAML parser resolved them. */
    enum ScalarKind {
        STRING, INTEGER, FLOAT, BOOLEAN, NULL,
        /** A value already reported as a problem (an alias, an unsupported tag): read it as silently absent. */
        INVALID
    }

    /**
     * A scalar. {@code text} is what the file says (used in "got …" messages); {@code number} is a
     * {@link Double} for floats (possibly infinite or NaN for {@code .inf}, {@code .nan} or {@code 1e400}) and
     * a {@link BigInteger} for integers; {@code flag} holds a boolean's value.
     */
    record Scalar(Location location, ScalarKind kind, String text, Number number, boolean flag) implements YamlNode {

        static Scalar string(Location at, String text) {
            return new Scalar(at, ScalarKind.STRING, text, null, false);
        }

        boolean isNumber() {
            return kind == ScalarKind.INTEGER || kind == ScalarKind.FLOAT;
        }

        double doubleValue() {
            return number.doubleValue();
        }

        @Override
        public String describe() {
            switch (kind) {
                case STRING:
                    return text.isEmpty() ? "an empty string" : "the string '" + text + "'";
                case NULL:
                    return "null (nothing)";
                case BOOLEAN:
                    return flag ? "true" : "false";
                default:
                    return text;
            }
        }
    }

    /** A mapping entry: the key as written, where the key is, and the value. */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    /** A mapping in file order; duplicate keys were reported while reading and only the first is kept. */
    record Mapping(Location location, List<Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableList(new ArrayList<>(entries));
        }

        Optional<Entry> entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        Optional<YamlNode> get(String key) {
            return entry(key).map(Entry::value);
        }

        /** This mapping with {@code key} set to {@code value} (replaced in place, or appended). */
        Mapping with(String key, Location keyLocation, YamlNode value) {
            List<Entry> copy = new ArrayList<>(entries);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).key().equals(key)) {
                    copy.set(i, new Entry(key, copy.get(i).keyLocation(), value));
                    return new Mapping(location, copy);
                }
            }
            copy.add(new Entry(key, keyLocation, value));
            return new Mapping(location, copy);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        Sequence with(int index, YamlNode value) {
            List<YamlNode> copy = new ArrayList<>(items);
            copy.set(index, value);
            return new Sequence(location, copy);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
