/** Benchmarks of population generation (customers drawn per second). */
package org.segmentlab.benchmarks.population;
