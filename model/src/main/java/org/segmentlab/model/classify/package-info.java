/** The rule-table classifier compiled from a taxonomy, and its evaluation against the ground truth. */
package org.segmentlab.model.classify;
