/** The SegmentLab domain: what customers look like to the business, how they are segmented and treated. No I/O, no randomness. */
package org.segmentlab.model;
