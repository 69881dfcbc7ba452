package org.segmentlab.simulator.scenario;

/** Scenario paths as messages print them: dots between keys, {@code [i]} for list items. */
final class Paths {

    private Paths() {
    }

    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
