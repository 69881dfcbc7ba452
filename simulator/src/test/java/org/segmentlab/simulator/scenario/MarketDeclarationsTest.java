package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The market's declarations ({@link MarketParameter}) are what the loader, the key sets and {@link Market} use: an
 * absent key takes its declared default, every declared key is accepted where it sits, and {@link Market#get} and
 * {@link Market#of} agree.
 */
class MarketDeclarationsTest {

    private static final String MINIMAL = String.join("\n",
            "name: minimal",
            "market: {potential: 1000, initialCustomers: 100, acquisitionCost: 30}",
            "archetypes: [{name: a, share: 1, purchaseRate: 1, spend: 10}]",
            "strategies: [{name: s, treatments: {default: none}}]",
            "");

    @ParameterizedTest(name = "{0}")
    @EnumSource(MarketParameter.class)
    void anAbsentKeyTakesItsDeclaredDefault(MarketParameter p) {
        Market m = Scenarios.parse(MINIMAL, "minimal").scenario().market();
        if (p.required()) {
            assertThat(p.defaultValue()).as(p.path()).isNaN();
        } else if (p == MarketParameter.REFERRAL_COST) {
            assertThat(m.get(p)).as("referralCost follows acquisitionCost").isEqualTo(15).isEqualTo(p.defaultValue(m::get));
        } else if (p != MarketParameter.ACQUISITION_COST) {
            assertThat(m.get(p)).as(p.path()).isEqualTo(p.defaultValue()).isEqualTo(p.defaultValue(m::get));
        }
    }

    @Test
    void theKeySetsAreTheDeclarations() {
        List<String> market = new ArrayList<>();
        MarketParameter.Group.MARKET.parameters().forEach(p -> market.add(p.key()));
        market.addAll(List.of("reputation", "advertising", "winBack"));
        assertThat(ScenarioKeys.MARKET).containsExactlyElementsOf(market);
        assertThat(ScenarioKeys.REPUTATION).containsExactly("gain", "loss", "effect");
        assertThat(ScenarioKeys.ADVERTISING_RESPONSE).containsExactly("lift", "saturation", "targetingPremium");
        assertThat(ScenarioKeys.WIN_BACK).containsExactly("share", "delay");
    }

    @Test
    void getAndOfAgree() {
        Market m = Market.of(p -> p.required() ? 1000 - p.ordinal() : p.probe());
        assertThat(Market.of(m::get)).isEqualTo(m);
        for (MarketParameter p : MarketParameter.values()) {
            assertThat(m.with(p, m.get(p))).isEqualTo(m);
        }
        assertThat(Market.of(p -> p.required() ? 1 : p.defaultValue()).reputation()).isEqualTo(Market.Reputation.DEFAULT);
    }
}
