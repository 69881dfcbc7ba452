/**
 * The slide deck ({@code deck.pptx}, Apache POI): a title slide saying which run it is, the three-line summary, then
 * one slide per report chart with the chart's message as the slide title and the run's source line as a footnote.
 */
package org.segmentlab.reports.deck;
