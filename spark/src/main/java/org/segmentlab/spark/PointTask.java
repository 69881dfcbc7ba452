package org.segmentlab.spark;

import java.io.Serializable;

import org.segmentlab.simulator.experiment.PointRows;

/** What a Spark task does: the rows of one design point, a function of the point alone (so a retry changes nothing). */
@FunctionalInterface
public interface PointTask extends Serializable {

    PointRows compute(int point);
}
