/**
 * The monthly engine: the nine stages of one month (docs/model.md, "Stages") over the columnar population, run in
 * fixed-size chunks of customers on any number of threads with bit-identical results.
 */
package org.segmentlab.simulator.engine;
