/**
 * The scenario: typed, immutable records of a scenario file, and the loader that reads YAML into them with
 * located errors. This package is the only code that knows Jackson.
 */
package org.segmentlab.simulator.scenario;
