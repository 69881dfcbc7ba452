/** Analyses computed from finished runs: why strategies differ (profit bridge, treatment attribution, mechanisms). */
package org.segmentlab.simulator.analysis;
