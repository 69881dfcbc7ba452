/**
 * The one CSV codec: {@link org.segmentlab.simulator.csv.Csv} writes (RFC 4180 quoting, LF records) and
 * {@link org.segmentlab.simulator.csv.CsvReader} reads (streaming, bounded, every error located by line and column).
 */
package org.segmentlab.simulator.csv;
