package org.segmentlab.workbench.tournament;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use a server bound beyond loopback (a classroom): holders of a session the server issued after its
 * access code or a room's join code was entered (or a team's or facilitator's session). On loopback nobody is asked.
 * The access code is printed at start; codes are compared in constant time and their tries are rate-limited.
 */
public final class AccessGate {

    static final int MAX_SESSIONS = 2_000;
    private static final String LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final boolean required;
    private final String accessCode;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> sessions = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_SESSIONS;
        }
    });

    /** @param loopbackOnly whether the server listens on a loopback address only (then no code is asked) */
    public AccessGate(boolean loopbackOnly) {
        this.required = !loopbackOnly;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        this.accessCode = b.toString();
    }

    public boolean required() {
        return required;
    }

    /** The code printed at start (only when one is required). */
    public Optional<String> accessCode() {
        return required ? Optional.of(accessCode) : Optional.empty();
    }

    boolean isAccessCode(String code) {
        return code != null && MessageDigest.isEqual(accessCode.getBytes(StandardCharsets.UTF_8),
                code.strip().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** A new session for someone who gave a right code. */
    synchronized String issue() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        sessions.add(token);
        return token;
    }

    synchronized boolean admits(String token) {
        return token != null && sessions.contains(token);
    }
}
