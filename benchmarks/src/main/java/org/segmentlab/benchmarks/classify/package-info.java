/**
 * JMH benchmarks of the rule-table classifier, with a streaming baseline over the same feature columns so the
 * classifier's speed reads as a fraction of the memory-bandwidth limit measured in the same run.
 */
package org.segmentlab.benchmarks.classify;
