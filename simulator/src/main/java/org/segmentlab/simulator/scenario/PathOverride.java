package org.segmentlab.simulator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.segmentlab.simulator.scenario.YamlNode.Location;
import org.segmentlab.simulator.scenario.YamlNode.Mapping;
import org.segmentlab.simulator.scenario.YamlNode.Scalar;
import org.segmentlab.simulator.scenario.YamlNode.Sequence;

/**
 * Sets one value of a scenario tree by path ({@code market.imitation}, {@code archetypes[0].churn},
 * {@code archetypes.loyal.share}, {@code thresholds.loyal.frequency.min}, {@code promotions.every} or
 * {@code promotions[0].discount} by the form the scenario has), checking the path against the scenario's
 * {@link Shape}: unknown keys are refused with "did you mean", absent keys of optional mappings are created. The
 * tree is immutable; the result shares every node off the path.
 */
final class PathOverride {

    /** One step of a path: a key (or an item's name), or a list index. {@code offset} is where it starts in the path. */
    private record Step(String key, int index, int offset) {
        boolean isIndex() {
            return key == null;
        }

        @Override
        public String toString() {
            return isIndex() ? "[" + index + "]" : key;
        }
    }

    private final String path;
    private final List<Step> steps;
    private final YamlNode value;
    private final Location createdAt;

    private PathOverride(String path, List<Step> steps, YamlNode value) {
        this.path = path;
        this.steps = steps;
        this.value = value;
        this.createdAt = value.location();
    }

    /**
     * The tree with the value at {@code path} replaced (or created).
     *
     * @throws ScenarioException when the path is malformed or names something the scenario format does not have
     */
    static Mapping apply(Mapping root, String path, YamlNode value) {
        PathOverride o = new PathOverride(path, parse(path), value);
        return (Mapping) o.set(root, Shape.SCENARIO, 0, "");
    }

    private static List<Step> parse(String path) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int n = path.length();
        if (n == 0) {
            throw error(path, "", "the path is empty; write e.g. market.imitation or archetypes[0].share");
        }
        while (i < n) {
            int start = i;
            while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
                i++;
            }
            if (i == start && (i >= n || path.charAt(i) != '[' || steps.isEmpty())) {
                throw error(path, path.substring(0, i), "a key is missing at character " + (i + 1)
                        + "; write keys separated by dots, e.g. market.imitation");
            }
            if (i > start) {
                steps.add(new Step(path.substring(start, i), -1, start));
            }
            while (i < n && path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                String digits = close < 0 ? "" : path.substring(i + 1, close);
                if (close < 0 || !digits.matches("\\d{1,9}")) {
                    throw error(path, path.substring(0, i), "a list index is written [0], [1], …; got '"
                            + path.substring(i, close < 0 ? n : close + 1) + "'");
                }
                steps.add(new Step(null, Integer.parseInt(digits), i));
                i = close + 1;
            }
            if (i < n) {
                if (path.charAt(i) != '.' || i == n - 1) {
                    throw error(path, path.substring(0, i), "expected '.' and a key at character " + (i + 1));
                }
                i++;
            }
        }
        return steps;
    }

    private YamlNode set(YamlNode current, Shape shape, int i, String at) {
        if (i == steps.size()) {
            return value;
        }
        Step step = steps.get(i);
        if (shape instanceof Shape.Leaf) {
            throw error(path, at, "is a single value; it has no '" + step + "'");
        }
        if (shape instanceof Shape.Dist) {
            if (current instanceof Scalar && !Fields.isInvalid(current)) {
                throw error(path, at, "is a bare number; set the whole distribution, e.g. " + at + "={dist: beta, alpha: 2, beta: 8}");
            }
            return setKey(current, ((Shape.Dist) shape).fields(), i, at);
        }
        if (shape instanceof Shape.NameOrFields) {
            if (current instanceof Scalar && !Fields.isInvalid(current)) {
                throw error(path, at, "is a built-in name; set the whole value, or write it inline to change its parts");
            }
            return setKey(current, ((Shape.NameOrFields) shape).fields(), i, at);
        }
        if (shape instanceof Shape.NumberOrFields) {
            if (current instanceof Scalar && !Fields.isInvalid(current)) {
                throw error(path, at, "is a monthly spend; set the whole value to change it, e.g. " + at
                        + "={spend: 20000, targets: [devoted]}");
            }
            return setKey(current, ((Shape.NumberOrFields) shape).fields(), i, at);
        }
        if (shape instanceof Shape.Fields) {
            return setKey(current, (Shape.Fields) shape, i, at);
        }
        if (shape instanceof Shape.OpenMap) {
            Shape.OpenMap open = (Shape.OpenMap) shape;
            if (step.isIndex()) {
                throw error(path, at, "is a mapping; address its entries by key, not " + step);
            }
            String key = open.restIsKey() ? path.substring(step.offset()) : step.key();
            int next = open.restIsKey() ? steps.size() : i + 1;
            Mapping m = mapping(current, at);
            YamlNode child = m.get(key).orElse(null);
            return m.with(key, createdAt, set(child, open.value(), next, Paths.key(at, key)));
        }
        if (shape instanceof Shape.FieldsOrItems) {
            return setEitherForm(current, (Shape.FieldsOrItems) shape, i, at);
        }
        if (shape instanceof Shape.ListOrOne) {
            Shape item = ((Shape.ListOrOne) shape).item();
            if (current instanceof Sequence || (current == null && step.isIndex())) {
                return setItem(current, new Shape.Items(item, null), i, at);
            }
            if (step.isIndex() && step.index() == 0) {
                return set(current, item, i + 1, Paths.index(at, 0));
            }
            return set(current, item, i, at);
        }
        return setItem(current, (Shape.Items) shape, i, at);
    }

    /**
     * A value written as a mapping or as a list ({@code promotions}): a key goes into the mapping form (created when
     * the value is absent: {@code promotions.every=2} starts a periodic sale, whose other required keys the binder then
     * asks for), an index into an existing list. A key on a list, or an index on a mapping, says which form is there.
     */
    private YamlNode setEitherForm(YamlNode current, Shape.FieldsOrItems shape, int i, String at) {
        Step step = steps.get(i);
        if (step.isIndex()) {
            if (current instanceof Mapping) {
                throw error(path, at, "is a mapping (the periodic form); address its keys by name, e.g. "
                        + Paths.key(at, shape.fields().fields().keySet().iterator().next()) + ", or set it as a whole list");
            }
            return setItem(current, shape.items(), i, at);
        }
        if (current instanceof Sequence) {
            boolean itemKey = ((Shape.Fields) shape.items().item()).fields().containsKey(step.key());
            throw error(path, at, "is a list; address its items by index, e.g. " + Paths.index(at, 0) + "."
                    + (itemKey ? step.key() : "discount") + ", or set it as a whole mapping");
        }
        return setKey(current, shape.fields(), i, at);
    }

    private YamlNode setKey(YamlNode current, Shape.Fields fields, int i, String at) {
        Step step = steps.get(i);
        if (step.isIndex()) {
            throw error(path, at, "is a mapping; address its keys by name, not " + step);
        }
        String childPath = Paths.key(at, step.key());
        Shape child = fields.fields().get(step.key());
        if (child == null) {
            throw error(path, childPath, Suggestions.unknown("key", step.key(), fields.fields().keySet()));
        }
        Mapping m = mapping(current, at);
        YamlNode old = m.get(step.key()).orElse(null);
        return m.with(step.key(), createdAt, set(old, child, i + 1, childPath));
    }

    private YamlNode setItem(YamlNode current, Shape.Items items, int i, String at) {
        Step step = steps.get(i);
        if (!(current instanceof Sequence)) {
            throw error(path, at, current == null ? "is not in the scenario; set it as a whole list"
                    : "is " + current.describe() + ", not a list; set it as a whole");
        }
        Sequence list = (Sequence) current;
        int index;
        if (step.isIndex()) {
            index = step.index();
            if (index >= list.items().size()) {
                throw error(path, Paths.index(at, index), "is out of range: " + at + " has " + list.items().size()
                        + " item" + (list.items().size() == 1 ? "" : "s") + ", [0] to [" + (list.items().size() - 1) + "]");
            }
        } else {
            if (items.itemName() == null) {
                throw error(path, at, "is a list; address its items by index, e.g. " + at + "[0]");
            }
            List<String> names = new ArrayList<>();
            index = -1;
            for (int k = 0; k < list.items().size(); k++) {
                Optional<String> name = nameOf(list.items().get(k));
                name.ifPresent(names::add);
                if (index < 0 && name.isPresent() && name.get().equals(step.key())) {
                    index = k;
                }
            }
            if (index < 0) {
                throw error(path, Paths.key(at, step.key()), Suggestions.unknown(items.itemName(), step.key(), names));
            }
        }
        String itemPath = Paths.index(at, index);
        return list.with(index, set(list.items().get(index), items.item(), i + 1, itemPath));
    }

    private static Optional<String> nameOf(YamlNode item) {
        if (item instanceof Mapping) {
            Optional<YamlNode> name = ((Mapping) item).get("name");
            if (name.isPresent() && name.get() instanceof Scalar && !Fields.isInvalid(name.get())) {
                return Optional.of(((Scalar) name.get()).text());
            }
        }
        return Optional.empty();
    }

    /** The current node as a mapping, a new empty one when absent (an optional mapping the override creates). */
    private Mapping mapping(YamlNode current, String at) {
        if (current == null || Fields.isInvalid(current)) {
            return new Mapping(createdAt, List.of());
        }
        if (!(current instanceof Mapping)) {
            throw error(path, at, "is " + current.describe() + ", not a mapping; set it as a whole");
        }
        return (Mapping) current;
    }

    private static ScenarioException error(String path, String at, String message) {
        return new ScenarioException(List.of(new LocatedProblem(overrideSource(path), 0, 0, at, message)));
    }

    /** How an override names itself in problems: {@code --set PATH}. */
    static String overrideSource(String path) {
        return "--set " + path;
    }
}
