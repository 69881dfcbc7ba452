/**
 * The {@code segmentlab} command: the top-level command, exit codes, error reporting and the small helpers every
 * verb shares (progress display, atomic output files, version).
 */
package org.segmentlab.cli;
