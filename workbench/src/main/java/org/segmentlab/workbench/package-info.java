/**
 * The workbench: a local web page ({@code segmentlab serve}) where a trainee picks a shipped scenario or uploads one,
 * changes treatments and key values, runs it off the request thread and compares the report's charts and key figures.
 */
package org.segmentlab.workbench;
