package org.segmentlab.workbench.tournament;

/** How the next round's market starts. */
public enum RoundMode {
    /** Each team's market goes on from the end of its previous round (its earlier entries rerun on the same numbers). */
    CONTINUE,
    /** Every market starts again from month 0. */
    RESTART;

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static RoundMode byId(String id) {
        for (RoundMode m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return null;
    }
}
