package org.segmentlab.simulator.scenario;

/**
 * The control a workbench page shows for a declared scenario value: a few plain words for its label ("Pull of word of
 * mouth (Bass q)"). A declaration that gives one gets a lever derived from it (label, unit, range, help); one without
 * has no control on the page.
 *
 * @param label the lever's label
 */
public record Control(String label) {

    /** The control labelled so. */
    static Control labelled(String label) {
        return new Control(label);
    }
}
