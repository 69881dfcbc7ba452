/**
 * Option values of every verb, checked when the command line is parsed: type converters with plain messages
 * ({@link org.segmentlab.cli.option.PlainConverters}), the allowed range or names of each kind of value
 * ({@link org.segmentlab.cli.option.OptionTypes}) and the two spellings of a threshold path
 * ({@link org.segmentlab.cli.option.ThresholdPaths}). A bad value is bad input: exit 2, the option and what is
 * allowed, nothing written.
 */
package org.segmentlab.cli.option;
