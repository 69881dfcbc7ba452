package org.segmentlab.simulator.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.segmentlab.simulator.scenario.YamlNode.Mapping;
import org.segmentlab.simulator.scenario.YamlNode.Sequence;

/**
 * Finds where a model problem's relative path (e.g. {@code segments[1].when[0].frequency}) was written: the
 * deepest node of the path that exists, so a problem about something missing points at its parent.
 */
final class Locator {

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d{1,9})\\]");

    private Locator() {
    }

    static YamlNode find(YamlNode base, String relativePath) {
        YamlNode node = base;
        Matcher m = STEP.matcher(relativePath);
        while (m.find()) {
            YamlNode next = null;
            if (m.group(1) != null && node instanceof Mapping) {
                next = ((Mapping) node).get(m.group(1)).orElse(null);
            } else if (m.group(2) != null && node instanceof Sequence) {
                int i = Integer.parseInt(m.group(2));
                next = i < ((Sequence) node).items().size() ? ((Sequence) node).items().get(i) : null;
            } else if (m.group(2) != null && node instanceof Mapping && m.group(2).equals("0")) {
                next = node; // a single clause written without a list is clause [0]
            }
            if (next == null) {
                return node;
            }
            node = next;
        }
        return node;
    }
}
