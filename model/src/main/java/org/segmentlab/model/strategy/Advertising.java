package org.segmentlab.model.strategy;

import java.util.List;

import org.segmentlab.model.DefinitionException;

/**
 * A strategy's advertising decision: a monthly spend (on top of the market's standing innovation p), optionally
 * targeted at some archetypes, whose share of the campaign's new customers is multiplied by {@code tilt}. How spend
 * turns into customers (diminishing returns, the reach a targeted euro loses) is the market's
 * {@code advertising} response; archetype names are checked against the scenario's archetypes there.
 *
 * @param spend   money per month, 0 to 1e12 (0: no campaign)
 * @param targets archetypes the campaign is aimed at (empty: the whole market)
 * @param tilt    weight multiplier of the targeted archetypes among the campaign's new customers, 1 to 100
 */
public record Advertising(double spend, List<String> targets, double tilt) {

    /** No campaign: the strategy relies on the market's standing advertising. */
    public static final Advertising NONE = new Advertising(0, List.of(), 1);

    public Advertising {
        if (!(spend >= 0 && spend <= 1e12)) {
            throw DefinitionException.of("advertising.spend", "must be a number from 0 to 1e12, got " + spend);
        }
        if (!(tilt >= 1 && tilt <= 100)) {
            throw DefinitionException.of("advertising.tilt", "must be a number from 1 to 100, got " + tilt);
        }
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** Whether the campaign is aimed at some archetypes (and so pays the market's targeting premium). */
    public boolean targeted() {
        return !targets.isEmpty();
    }
}
