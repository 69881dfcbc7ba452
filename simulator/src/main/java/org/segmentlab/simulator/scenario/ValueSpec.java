package org.segmentlab.simulator.scenario;

import java.util.List;

/**
 * What a declared scenario value is, in one place: its key, whole number or not, allowed range, default (NaN when a
 * scenario must give it), a clearly non-default probe value (NaN when it has none), unit, help, the settings it
 * needs to have any effect and its workbench control. Each declaration enum ({@link MarketParameter}, {@link BehaviourParameter},
 * {@link EventParameter}, {@link Trait}) holds one per constant and is read through {@link DeclaredValue}, so the
 * fields and accessors they share are written once.
 *
 * @param key          the key in its mapping, e.g. {@code gain}
 * @param whole        whether the value is a whole number
 * @param min          the smallest allowed value
 * @param max          the largest allowed value (may be infinite)
 * @param defaultValue the value when the key is absent; NaN for a required one
 * @param probe        a clearly non-default allowed value that changes a run (the wiring tests'); NaN for none
 * @param unit         the unit in words ({@code currency} stands for the scenario's currency; {@code ×} for a multiple)
 * @param help         what the value does, in Markdown (backticks around keys)
 * @param needs        scenario settings without which the value has no effect, each {@code "path: value"} in YAML
 * @param control      the control the workbench page shows for it; null for none
 */
public record ValueSpec(String key, boolean whole, double min, double max, double defaultValue, double probe,
                        String unit, String help, List<String> needs, Control control) {

    public ValueSpec {
        needs = List.copyOf(needs);
    }

    /** A value without a control on the workbench page. */
    public ValueSpec(String key, boolean whole, double min, double max, double defaultValue, double probe, String unit,
                     String help, List<String> needs) {
        this(key, whole, min, max, defaultValue, probe, unit, help, needs, null);
    }

    /** The allowed values, both ends included. */
    Range range() {
        return Range.between(min, max);
    }
}
