/**
 * Experiments over many runs: sweeps over any scenario values (grid, list, Latin hypercube; streamed to CSV and
 * resumable), tuning of thresholds or any values for an objective, and one-at-a-time threshold sensitivity.
 */
package org.segmentlab.simulator.experiment;
