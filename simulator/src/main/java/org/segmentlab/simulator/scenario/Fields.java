package org.segmentlab.simulator.scenario;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.segmentlab.simulator.scenario.YamlNode.Entry;
import org.segmentlab.simulator.scenario.YamlNode.Mapping;
import org.segmentlab.simulator.scenario.YamlNode.Scalar;
import org.segmentlab.simulator.scenario.YamlNode.ScalarKind;
import org.segmentlab.simulator.scenario.YamlNode.Sequence;

/**
 * Reads the keys of one YAML mapping into typed values, reporting each problem located at the value (a missing
 * key at the mapping): unknown keys when the reader is made, then wrong types and out-of-range values as each key
 * is read. A value that is wrong reads as {@code null}; callers skip checks that depend on it, so one mistake is
 * reported once.
 */
final class Fields {

    /** Names used in paths ({@code archetypes.loyal.share}) and as YAML keys: no dots, brackets or spaces. */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    static final int MAX_NAME_LENGTH = 64;

    private final Mapping mapping;
    private final String path;
    private final Problems problems;
    /** Allowed keys that an unknown key was reported as a likely typo of: not reported again as missing. */
    private final Set<String> suggested;

    private Fields(Mapping mapping, String path, Problems problems, Set<String> suggested) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
        this.suggested = suggested;
    }

    /**
     * A reader of {@code node} as a mapping with the allowed keys; null (after reporting) when it is not a mapping.
     *
     * @param what how the message names what was expected, e.g. "a mapping of market values"
     */
    static Fields of(YamlNode node, String path, Set<String> allowed, String what, Problems problems) {
        if (!(node instanceof Mapping)) {
            wrongType(node, path, "must be " + what, problems);
            return null;
        }
        Mapping m = (Mapping) node;
        Set<String> suggested = new HashSet<>();
        for (Entry e : m.entries()) {
            if (!allowed.contains(e.key())) {
                problems.add(e.keyLocation(), Paths.key(path, e.key()), Suggestions.unknown("key", e.key(), allowed));
                Suggestions.closest(e.key(), allowed).ifPresent(suggested::add);
            }
        }
        return new Fields(m, path, problems, suggested);
    }

    /** Reports {@code node} as not what was expected, unless it is an already-reported invalid value. */
    static void wrongType(YamlNode node, String path, String mustBe, Problems problems) {
        if (isInvalid(node)) {
            problems.addSilentFailure();
            return;
        }
        problems.add(node, path, mustBe + ", got " + node.describe());
    }

    static boolean isInvalid(YamlNode node) {
        return node instanceof Scalar && ((Scalar) node).kind() == ScalarKind.INVALID;
    }

    Mapping mapping() {
        return mapping;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return Paths.key(path, key);
    }

    Optional<YamlNode> node(String key) {
        return mapping.get(key);
    }

    boolean has(String key) {
        return mapping.get(key).isPresent();
    }

    /**
     * The value of a required key, or empty after reporting it missing with what it should be (unless a misspelt
     * key was already reported with this key as its suggestion: one mistake, one message).
     */
    Optional<YamlNode> required(String key, String expected) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty() && suggested.contains(key)) {
            problems.addSilentFailure();
        } else if (node.isEmpty()) {
            problems.add(mapping, path(key), "is required (" + expected + ")");
        }
        return node;
    }

    // ---- numbers

    Double number(String key, double defaultValue, Range range) {
        Optional<YamlNode> node = node(key);
        return node.isEmpty() ? Double.valueOf(defaultValue) : number(node.get(), path(key), range, problems);
    }

    Double requiredNumber(String key, Range range, String expected) {
        return required(key, expected).map(n -> number(n, path(key), range, problems)).orElse(null);
    }

    /** A number in the range, or null after reporting it: a finite number of the allowed size. */
    static Double number(YamlNode node, String path, Range range, Problems problems) {
        if (!(node instanceof Scalar) || !((Scalar) node).isNumber()) {
            wrongType(node, path, "must be a number", problems);
            return null;
        }
        Scalar s = (Scalar) node;
        double v = s.doubleValue();
        if (!Double.isFinite(v)) {
            problems.add(node, path, "must be a finite number, got " + s.text());
            return null;
        }
        if (!range.contains(v)) {
            problems.add(node, path, range.mustBe(v) + ", got " + s.text());
            return null;
        }
        return v;
    }

    /**
     * A declared value at its key: a whole number or a number in the declared range, {@code defaultValue} when the key
     * is absent (its declared default, or one that follows earlier values); null after reporting a wrong one.
     */
    Double value(DeclaredValue p, double defaultValue) {
        if (!p.whole()) {
            return number(p.key(), defaultValue, p.spec().range());
        }
        Long value = integer(p.key(), (long) defaultValue, (long) p.min(), (long) p.max());
        return value == null ? null : Double.valueOf(value);
    }

    // ---- whole numbers

    Long integer(String key, long defaultValue, long min, long max) {
        Optional<YamlNode> node = node(key);
        return node.isEmpty() ? Long.valueOf(defaultValue) : integer(node.get(), path(key), min, max, problems);
    }

    Long requiredInteger(String key, long min, long max, String expected) {
        return required(key, expected).map(n -> integer(n, path(key), min, max, problems)).orElse(null);
    }

    /** A whole number in [min, max] (1e5 and 20000.0 count as whole), or null after reporting it. */
    static Long integer(YamlNode node, String path, long min, long max, Problems problems) {
        boolean anyLong = min == Long.MIN_VALUE && max == Long.MAX_VALUE;
        String range = "between " + Numbers.format(min) + " and " + Numbers.format(max);
        String allowed = anyLong ? "a 64-bit whole number" : "a whole number " + range;
        if (!(node instanceof Scalar) || !((Scalar) node).isNumber()) {
            wrongType(node, path, "must be " + allowed, problems);
            return null;
        }
        Scalar s = (Scalar) node;
        BigInteger value;
        if (s.kind() == ScalarKind.INTEGER) {
            value = (BigInteger) s.number();
        } else {
            double d = s.doubleValue();
            if (!Double.isFinite(d) || d != Math.rint(d)) {
                problems.add(node, path, "must be " + allowed + ", got " + s.text());
                return null;
            }
            value = new java.math.BigDecimal(d).toBigInteger();
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.add(node, path, "must be " + (anyLong ? allowed : range) + ", got " + s.text());
            return null;
        }
        return value.longValue();
    }

    // ---- text

    String text(String key, String defaultValue, int maxLength) {
        Optional<YamlNode> node = node(key);
        return node.isEmpty() ? defaultValue : text(node.get(), path(key), maxLength, problems);
    }

    String requiredText(String key, int maxLength, String expected) {
        return required(key, expected).map(n -> text(n, path(key), maxLength, problems)).orElse(null);
    }

    /**
     * Text: a string, or any other scalar as written ({@code name: 2024} is the name "2024"); null after reporting
     * a list, a mapping, null, or text longer than {@code maxLength}.
     */
    static String text(YamlNode node, String path, int maxLength, Problems problems) {
        if (!(node instanceof Scalar) || ((Scalar) node).kind() == ScalarKind.NULL || isInvalid(node)) {
            wrongType(node, path, "must be text", problems);
            return null;
        }
        String text = ((Scalar) node).text();
        if (text.length() > maxLength) {
            problems.add(node, path, "must be at most " + maxLength + " characters long, got " + text.length());
            return null;
        }
        return text;
    }

    /** A name: a letter, then letters, digits, '-' or '_' (at most {@link #MAX_NAME_LENGTH}); null after reporting. */
    static String name(YamlNode node, String path, Problems problems) {
        String text = text(node, path, Integer.MAX_VALUE, problems);
        if (text == null) {
            return null;
        }
        if (!NAME.matcher(text).matches() || text.length() > MAX_NAME_LENGTH) {
            problems.add(node, path, "must start with a letter and use only letters, digits, '-' or '_' (at most "
                    + MAX_NAME_LENGTH + " characters), got '" + text + "'");
            return null;
        }
        return text;
    }

    String requiredName(String key, String expected) {
        return required(key, expected).map(n -> name(n, path(key), problems)).orElse(null);
    }

    // ---- flags

    /** true or false; null after reporting anything else (1 and "yes" included: flags are YAML booleans). */
    static Boolean flag(YamlNode node, String path, Problems problems) {
        if (!(node instanceof Scalar) || ((Scalar) node).kind() != ScalarKind.BOOLEAN) {
            wrongType(node, path, "must be true or false", problems);
            return null;
        }
        return ((Scalar) node).flag();
    }

    // ---- containers

    /** The value as a list, or null after reporting it is not one. */
    static Sequence list(YamlNode node, String path, String what, Problems problems) {
        if (!(node instanceof Sequence)) {
            wrongType(node, path, "must be " + what, problems);
            return null;
        }
        return (Sequence) node;
    }

    /** The value as a mapping, or null after reporting it is not one. */
    static Mapping map(YamlNode node, String path, String what, Problems problems) {
        if (!(node instanceof Mapping)) {
            wrongType(node, path, "must be " + what, problems);
            return null;
        }
        return (Mapping) node;
    }
}
