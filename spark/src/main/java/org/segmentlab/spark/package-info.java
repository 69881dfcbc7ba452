/**
 * Sweeps on Apache Spark: {@link org.segmentlab.spark.SparkSweep} runs the ordinary sweep command inside a Spark
 * driver, and {@link org.segmentlab.spark.SparkPointRunner} computes its points as Spark tasks. The table is written
 * by the driver in the local sweep's order, so its bytes are the local sweep's.
 */
package org.segmentlab.spark;
