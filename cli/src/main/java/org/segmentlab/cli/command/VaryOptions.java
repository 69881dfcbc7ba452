package org.segmentlab.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.segmentlab.cli.BadInputException;
import org.segmentlab.cli.option.ThresholdPaths;
import org.segmentlab.simulator.experiment.Factor;
import org.segmentlab.simulator.scenario.ScenarioException;

import picocli.CommandLine.Option;

/**
 * The {@code --vary} option of {@code sweep} and {@code tune}: scenario values by path, as a list or a range.
 * A malformed value or a path the scenario does not have is bad input (exit 2), named as {@code --vary PATH}. A
 * threshold may be named with or without its {@code thresholds.} prefix.
 */
public final class VaryOptions {

    @Option(names = "--vary", paramLabel = "PATH=VALUES", required = true,
            description = {"A scenario value to vary (repeatable): a list a,b,c or a range lo..hi (lo..hi:n for n grid levels;",
                "whole-number bounds such as 2..12 mean whole numbers only), e.g.",
                "--vary market.imitation=0.1..0.4:7  --vary thresholds.loyal.frequency.min=2..12",
                "--vary treatments.price-campaign.leakage=0,0.1,0.3"})
    List<String> specs = new ArrayList<>();

    /** The parsed factors. */
    List<Factor> factors() {
        List<Factor> out = new ArrayList<>();
        for (String s : specs) {
            try {
                out.add(Factor.parse(ThresholdPaths.withScenarioPath(s)));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--vary " + e.getMessage());
            }
        }
        return out;
    }

    /** Runs {@code check}; a scenario problem caused by a varied value is reported at its --vary. */
    <T> T checked(List<Factor> factors, Supplier<T> check) {
        try {
            return check.get();
        } catch (ScenarioException e) {
            String message = e.getMessage();
            for (Factor f : factors) {
                message = message.replace("--set " + f.path(), "--vary " + f.path());
            }
            throw new BadInputException(message, e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
