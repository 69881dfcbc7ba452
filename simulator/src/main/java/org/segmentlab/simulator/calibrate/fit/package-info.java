/**
 * Probability models of a customer base fitted to a real transaction log by maximum likelihood, with standard
 * errors and goodness-of-fit checks: the BG/NBD for repeat purchasing, the Gamma-Gamma model for spend per
 * purchase, and the shifted-beta-geometric model for cohort retention.
 *
 * <p>References:
 * <ul>
 * <li>P. S. Fader, B. G. S. Hardie, K. L. Lee (2005), "'Counting Your Customers' the Easy Way: An Alternative to
 *     the Pareto/NBD Model", <i>Marketing Science</i> 24(2), 275–284 — the BG/NBD, its likelihood (eq. 6), P(X(t) =
 *     x) (eq. 8), E[X(t)] (eq. 9), E[Y(t) | x, t<sub>x</sub>, T] (eq. 10) and the CDNOW calibration this package
 *     is tested against (r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4).</li>
 * <li>P. S. Fader, B. G. S. Hardie (2013), "The Gamma-Gamma Model of Monetary Value", note at
 *     brucehardie.com/notes/025 — the spend model (CDNOW: p = 6.25, q = 3.74, γ = 15.44).</li>
 * <li>P. S. Fader, B. G. S. Hardie (2007), "How to Project Customer Retention", <i>Journal of Interactive
 *     Marketing</i> 21(1), 76–90 — the shifted-beta-geometric model and its "regular" and "high end" cohorts.</li>
 * </ul>
 */
package org.segmentlab.simulator.calibrate.fit;
