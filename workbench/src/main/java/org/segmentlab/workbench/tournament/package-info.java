/**
 * Tournament mode: a facilitator opens a {@link org.segmentlab.workbench.tournament.Room} on a scenario, teams join
 * with its code and submit one treatment per segment, and each closed round runs every entry as a strategy of one
 * scenario run (common random numbers) beside the scenario's baseline; {@link
 * org.segmentlab.workbench.tournament.Leaderboard} ranks the teams with intervals and ties, {@link
 * org.segmentlab.workbench.tournament.Debrief} explains them with profit bridges. {@link
 * org.segmentlab.workbench.tournament.TournamentApi} is the HTTP side, {@link
 * org.segmentlab.workbench.tournament.AccessGate} and {@link org.segmentlab.workbench.tournament.RateLimiter} keep a
 * classroom server safe.
 */
package org.segmentlab.workbench.tournament;
