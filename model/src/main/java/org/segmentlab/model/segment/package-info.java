/** Segments and taxonomies: ordered segments with rules (OR of ANDs of feature conditions); the built-in taxonomies. */
package org.segmentlab.model.segment;
