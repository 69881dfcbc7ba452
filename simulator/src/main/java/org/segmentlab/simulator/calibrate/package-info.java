/**
 * Calibration from real data: reading a customer transaction log (whitespace columns or CSV, with a column
 * mapping), merging it into daily purchases per customer, and computing the observable features of every real
 * customer so the built-in taxonomies can classify a real customer base.
 */
package org.segmentlab.simulator.calibrate;
