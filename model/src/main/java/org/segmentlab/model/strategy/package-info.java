/** Strategies: which treatment each segment gets, with an optional monthly budget. */
package org.segmentlab.model.strategy;
