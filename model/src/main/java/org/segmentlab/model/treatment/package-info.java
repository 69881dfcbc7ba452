/** Treatments: the parameterised effects a strategy applies to a segment each month, and the built-in ones. */
package org.segmentlab.model.treatment;
