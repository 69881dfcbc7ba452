/** The columnar population (one primitive array per trait) and its generator from the archetype mixture. */
package org.segmentlab.simulator.population;
