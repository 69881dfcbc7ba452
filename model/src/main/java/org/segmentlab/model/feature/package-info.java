/** The observable features of a customer and the columnar table that holds them for a whole population. */
package org.segmentlab.model.feature;
