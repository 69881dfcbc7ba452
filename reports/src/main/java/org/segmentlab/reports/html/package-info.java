/** The one-file HTML report: key figures, every chart inline as SVG, lifetime values and the scenario to replay the run. */
package org.segmentlab.reports.html;
