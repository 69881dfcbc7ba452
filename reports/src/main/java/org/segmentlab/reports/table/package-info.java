/**
 * Figures computed from run result tables: monthly bands and paired differences to the baseline over replications
 * (each a {@link org.segmentlab.simulator.experiment.MeanInterval}), key figures and lifetime values.
 */
package org.segmentlab.reports.table;
