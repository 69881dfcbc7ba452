/** Figures computed from run result tables: intervals over replications, paired differences to the baseline, key figures and lifetime values. */
package org.segmentlab.reports.table;
