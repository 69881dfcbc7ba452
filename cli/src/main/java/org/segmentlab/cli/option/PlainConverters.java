package org.segmentlab.cli.option;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The converters of the plain value types (whole numbers, numbers, paths), registered once for every verb so that a
 * bad value reads "'abc' is not a whole number" rather than picocli's "is not an int" or a Java exception's name.
 * An option whose values have a range declares its own converter ({@link OptionTypes}), built on the same parsing.
 */
public final class PlainConverters {

    private PlainConverters() {
    }

    /** Registers the converters on {@code cmd} and every subcommand it already has. */
    public static void registerOn(CommandLine cmd) {
        cmd.registerConverter(Integer.class, PlainConverters::intValue);
        cmd.registerConverter(Integer.TYPE, PlainConverters::intValue);
        cmd.registerConverter(Long.class, PlainConverters::wholeNumber);
        cmd.registerConverter(Long.TYPE, PlainConverters::wholeNumber);
        cmd.registerConverter(Double.class, PlainConverters::finiteNumber);
        cmd.registerConverter(Double.TYPE, PlainConverters::finiteNumber);
        cmd.registerConverter(Path.class, PlainConverters::path);
    }

    /** A whole number that fits 64 bits, e.g. a seed. */
    public static long wholeNumber(String text) {
        String t = text.strip();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            if (t.matches("[+-]?\\d+")) {
                throw new TypeConversionException("'" + text + "' is too large: a whole number from " + Long.MIN_VALUE
                        + " to " + Long.MAX_VALUE + " is allowed");
            }
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
    }

    /** A whole number that fits 32 bits. */
    public static int intValue(String text) {
        long v = wholeNumber(text);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new TypeConversionException("'" + text + "' is too large: a whole number from " + Integer.MIN_VALUE
                    + " to " + Integer.MAX_VALUE + " is allowed");
        }
        return (int) v;
    }

    /** A finite number such as 0.25 or 1e-3 (not NaN, not infinite). */
    public static double finiteNumber(String text) {
        String t = text.strip();
        double v;
        try {
            // Double.parseDouble also takes "0x1p3", "1d" and "NaN"; a plain decimal is what users mean and what the
            // scenario files accept.
            if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number (e.g. 0.25)");
        }
        if (!Double.isFinite(v)) {
            throw new TypeConversionException("'" + text + "' is too large");
        }
        return v;
    }

    /** A file or folder name: not empty (an empty name would mean the current folder). */
    public static Path path(String text) {
        if (text.isBlank()) {
            throw new TypeConversionException("the path is empty; give a file or folder name");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + text.replace('\0', ' ') + "' is not a valid path: "
                    + e.getReason());
        }
    }
}
