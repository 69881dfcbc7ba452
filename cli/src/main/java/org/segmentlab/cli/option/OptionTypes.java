package org.segmentlab.cli.option;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.simulator.experiment.Design;
import org.segmentlab.simulator.experiment.Objective;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The kinds of option value the verbs take, each with its allowed range or names, as picocli converters: an option
 * declares {@code converter = OptionTypes.ThreadCount.class} and a bad value is refused while parsing, before
 * anything is read or written, with a message that says what is allowed (the top-level handler puts the option's
 * name in front). The same concept has the same kind, and so the same limits, in every verb.
 */
public final class OptionTypes {

    /** The scenario loader's limits on {@code months} and {@code replications}; an option cannot exceed the file. */
    public static final int MAX_MONTHS = 1200;
    public static final int MAX_REPLICATIONS = 10_000;
    /** More threads than this only add memory (a sweep keeps two points per thread in flight). */
    public static final int MAX_THREADS = 256;
    /** The largest market potential a scenario may have (the population's columns are int-indexed). */
    public static final int MAX_CUSTOMERS = 2_000_000_000;

    private OptionTypes() {
    }

    /** A whole number from {@code min} to {@code max}. */
    public abstract static class IntBetween implements ITypeConverter<Integer> {
        private final int min;
        private final int max;

        IntBetween(int min, int max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String text) {
            long v = PlainConverters.wholeNumber(text);
            if (v < min || v > max) {
                throw new TypeConversionException("must be between " + min + " and " + max + ", got " + text.strip());
            }
            return (int) v;
        }

        public int min() {
            return min;
        }

        public int max() {
            return max;
        }
    }

    /** {@code --threads}: worker threads. */
    public static final class ThreadCount extends IntBetween {
        public ThreadCount() {
            super(1, MAX_THREADS);
        }
    }

    /** {@code --months}: months to simulate. */
    public static final class MonthCount extends IntBetween {
        public MonthCount() {
            super(1, MAX_MONTHS);
        }
    }

    /** {@code --replications}. */
    public static final class ReplicationCount extends IntBetween {
        public ReplicationCount() {
            super(1, MAX_REPLICATIONS);
        }
    }

    /** {@code --window}: a trailing window in calendar months. */
    public static final class WindowMonths extends IntBetween {
        public WindowMonths() {
            super(1, MAX_MONTHS);
        }
    }

    /** {@code --points}: points of a Latin hypercube. */
    public static final class PointCount extends IntBetween {
        public PointCount() {
            super(1, 1_000_000);
        }
    }

    /** {@code --budget}: distinct candidates a search may run (two at least, to compare). */
    public static final class CandidateBudget extends IntBetween {
        public CandidateBudget() {
            super(2, 100_000);
        }
    }

    /** {@code --steps}: shifts on each side of a threshold. */
    public static final class StepCount extends IntBetween {
        public StepCount() {
            super(1, 100);
        }
    }

    /** {@code --port}: a TCP port, 0 for any free one. */
    public static final class PortNumber extends IntBetween {
        public PortNumber() {
            super(0, 65_535);
        }
    }

    /** {@code --max-customers}: a population size. */
    public static final class CustomerLimit extends IntBetween {
        public CustomerLimit() {
            super(1, MAX_CUSTOMERS);
        }
    }

    /** A share from 0 to 1, e.g. {@code --gross-margin 0.3}. */
    public static final class Share implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double v = PlainConverters.finiteNumber(text);
            if (v < 0 || v > 1) {
                throw new TypeConversionException("must be between 0 and 1 (a share, e.g. 0.3), got " + text.strip());
            }
            return v;
        }
    }

    /** {@code --range}: a relative shift, above 0 and at most 10 (±1000%). */
    public static final class ShiftRange implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double v = PlainConverters.finiteNumber(text);
            if (!(v > 0) || v > 10) {
                throw new TypeConversionException("must be above 0 and at most 10 (e.g. 0.25 for ±25%), got "
                        + text.strip());
            }
            return v;
        }
    }

    /** Text that must not be empty, e.g. {@code --host}. */
    public static final class NonBlank implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (text.isBlank()) {
                throw new TypeConversionException("must not be empty");
            }
            return text.strip();
        }
    }

    /** {@code --currency}: an ISO 4217 code such as USD. */
    public static final class CurrencyCode implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (!text.matches("[A-Z]{3}")) {
                throw new TypeConversionException("must be three capital letters (ISO 4217, e.g. USD or EUR), got '"
                        + text + "'");
            }
            return text;
        }
    }

    /** A column of a transaction log: a CSV header name or a position from 1 (never empty, 0 or negative). */
    public static final class ColumnName implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (text.isBlank()) {
                throw new TypeConversionException("must not be empty: give a header name or a column position from 1");
            }
            if (text.strip().matches("[+-]?\\d+") && PlainConverters.wholeNumber(text) < 1) {
                throw new TypeConversionException("column positions start at 1, got " + text.strip());
            }
            return text;
        }
    }

    /** {@code --taxonomy}: a built-in taxonomy's name. */
    public static final class TaxonomyName implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (BuiltInTaxonomies.byName(text).isEmpty()) {
                throw new TypeConversionException("unknown taxonomy '" + text + "'; allowed: "
                        + String.join(", ", BuiltInTaxonomies.names()));
            }
            return text;
        }
    }

    /** {@code --design}: grid, list or lhs (any case). */
    public static final class DesignKind implements ITypeConverter<Design.Kind> {
        @Override
        public Design.Kind convert(String text) {
            for (Design.Kind kind : Design.Kind.values()) {
                if (kind.name().equalsIgnoreCase(text.strip())) {
                    return kind;
                }
            }
            throw new TypeConversionException("unknown design '" + text + "'; allowed: "
                    + Arrays.stream(Design.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")));
        }
    }

    /**
     * {@code --objective}: a metric name as in metrics.csv (the canonical form) or its short name: profit_cumulative
     * (profit), retention_initial (retention), top20_share (top20), classifier_macro_f1 (macro-f1).
     */
    public static final class ObjectiveName implements ITypeConverter<Objective.Kind> {
        @Override
        public Objective.Kind convert(String text) {
            try {
                return Objective.Kind.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown objective '" + text + "'; allowed: " + allowed());
            }
        }

        /** {@code profit_cumulative (profit), …}: the metric names, each with its short name. */
        public static String allowed() {
            return Arrays.stream(Objective.Kind.values()).map(k -> k.metric() + " (" + k.key() + ")")
                    .collect(Collectors.joining(", "));
        }
    }
}
