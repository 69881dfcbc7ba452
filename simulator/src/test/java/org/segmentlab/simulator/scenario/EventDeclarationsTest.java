package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The event declarations are complete, and an {@link Event} is what they say. */
class EventDeclarationsTest {

    @ParameterizedTest
    @EnumSource(EventParameter.class)
    void everyParameterIsDeclaredCompletely(EventParameter p) {
        assertThat(p.spec().range().contains(p.defaultValue())).as(p.key() + " default allowed").isTrue();
        if (p.isEffect()) {
            assertThat(p.spec().range().contains(p.probe())).as(p.key() + " probe allowed").isTrue();
            assertThat(p.probe()).as(p.key() + " probe is not neutral").isNotEqualTo(p.defaultValue());
        }
        assertThat(p.unit()).isNotBlank();
        assertThat(p.help()).matches("[A-Z].*[.]");
        assertThat(ScenarioKeys.EVENT).contains(p.key());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeIsDeclaredCompletely(EventType t) {
        assertThat(t.key()).matches("[a-z]+(-[a-z]+)*");
        assertThat(t.help()).matches("[A-Z].*[.]");
        assertThat(EventType.byKey(t.key())).contains(t);
    }

    @Test
    void anEventHoldsEveryDeclaredValueWithTheDefaultsForTheRest() {
        Map<EventParameter, Double> given = new EnumMap<>(EventParameter.class);
        given.put(EventParameter.CHURN_MULTIPLIER, 4.0);
        given.put(EventParameter.DURATION, 3.0);
        Event e = Event.of(EventType.PRICE_WAR, 5, given);
        assertThat(e.churnMultiplier()).isEqualTo(4);
        assertThat(e.duration()).isEqualTo(3);
        assertThat(e.activeIn(7)).isTrue();
        assertThat(e.activeIn(8)).isFalse();
        for (EventParameter p : EventParameter.values()) {
            if (!given.containsKey(p)) {
                assertThat(e.get(p)).as(p.key()).isEqualTo(p.defaultValue());
            }
        }
        assertThat(e.with(EventParameter.CHURN_MULTIPLIER, 1)).isEqualTo(Event.of(EventType.PRICE_WAR, 5,
                Map.of(EventParameter.DURATION, 3.0)));
        assertThat(new Event(EventType.PRICE_WAR, 5, 3, 1, 4, 1, 0, 0)).isEqualTo(e);
    }
}
