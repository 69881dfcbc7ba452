package org.segmentlab.simulator.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A declared number of a scenario, read from its {@link ValueSpec}: the declaration enums implement {@link #spec()} and
 * keep only what is their own (a market value's group, a trait's kind and form, an event value's label).
 */
public interface DeclaredValue extends Declared {

    /** The declaration. */
    ValueSpec spec();

    @Override
    default String key() {
        return spec().key();
    }

    @Override
    default String help() {
        return spec().help();
    }

    @Override
    default List<String> needs() {
        return spec().needs();
    }

    /** Whether the value is a whole number. */
    default boolean whole() {
        return spec().whole();
    }

    /** The smallest allowed value. */
    default double min() {
        return spec().min();
    }

    /** The largest allowed value (may be infinite). */
    default double max() {
        return spec().max();
    }

    /** The value when the key is absent: NaN when {@link #required()}; for an event effect, the neutral value. */
    default double defaultValue() {
        return spec().defaultValue();
    }

    /** Whether a scenario must give the value (it has no default). */
    default boolean required() {
        return Double.isNaN(spec().defaultValue());
    }

    /**
     * A value clearly different from the default, allowed: with {@link #needs()}, it changes a run (the wiring
     * tests' value); NaN when it has none.
     */
    default double probe() {
        return spec().probe();
    }

    /** The control the workbench page shows for it, if it has one (its levers are derived from these). */
    default Optional<Control> control() {
        return Optional.ofNullable(spec().control());
    }

    /** The unit in words ({@code currency} stands for the scenario's currency; {@code ×} for a multiple). */
    default String unit() {
        return spec().unit();
    }
}
