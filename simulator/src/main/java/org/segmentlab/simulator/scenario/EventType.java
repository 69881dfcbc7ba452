package org.segmentlab.simulator.scenario;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of event a scenario can schedule; the keys are the scenario's {@code type} values. */
public enum EventType {
    /** A sales representative leaves: customers attached to reps may follow. */
    REP_DEPARTURE("rep-departure"),
    /** A competitor cuts prices: churn up, purchases down. */
    PRICE_WAR("price-war"),
    /** Service fails: complaints and a satisfaction drop, hence detractors and negative word of mouth. */
    SERVICE_OUTAGE("service-outage");

    private final String key;

    EventType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<EventType> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    public static String allowedKeys() {
        return Arrays.stream(values()).map(EventType::key).collect(Collectors.joining(", "));
    }
}
