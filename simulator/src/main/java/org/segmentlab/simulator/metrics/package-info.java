/** Run results as plain tables: per-month metrics (tidy), Lorenz curves, segment transitions, confusion matrices, cohorts, lifetime values. */
package org.segmentlab.simulator.metrics;
