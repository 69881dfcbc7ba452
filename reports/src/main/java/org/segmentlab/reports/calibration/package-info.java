/**
 * Calibration of the classic customer-base models (BG/NBD, Gamma-Gamma, shifted-beta-geometric) against a
 * transaction log, shown as charts and a one-page report; reads plain input records only, never the fits.
 */
package org.segmentlab.reports.calibration;
