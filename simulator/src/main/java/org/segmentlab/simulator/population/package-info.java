/**
 * The columnar population (one primitive array per trait), its generator from the archetype mixture, and the heap
 * budget that refuses populations the heap cannot hold.
 */
package org.segmentlab.simulator.population;
