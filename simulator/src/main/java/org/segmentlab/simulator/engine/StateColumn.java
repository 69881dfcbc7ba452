package org.segmentlab.simulator.engine;

import java.lang.reflect.Array;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One per-customer column of {@link MarketState}, declared once in {@link #ALL}: how to reach its array, the value a
 * new row starts with, and its bytes. Allocating, copying, growing and the state-size account all walk {@link #ALL},
 * so a new column is one line here (and its field). The fields stay plain arrays for the stages' loops.
 */
final class StateColumn {
    /** Every per-customer column of the engine state (the window ring is {@link WindowRing}'s). */
    static final List<StateColumn> ALL = List.of(
            new StateColumn("status", byte.class, 0, s -> s.status, (s, a) -> s.status = (byte[]) a),
            new StateColumn("satisfaction", float.class, 0, s -> s.satisfaction, (s, a) -> s.satisfaction = (float[]) a),
            new StateColumn("acquired", short.class, 0, s -> s.acquired, (s, a) -> s.acquired = (short[]) a),
            new StateColumn("lastPurchase", short.class, MarketState.NEVER, s -> s.lastPurchase,
                    (s, a) -> s.lastPurchase = (short[]) a),
            new StateColumn("lastComplaint", short.class, MarketState.NEVER, s -> s.lastComplaint,
                    (s, a) -> s.lastComplaint = (short[]) a),
            new StateColumn("segment", byte.class, 0, s -> s.segment, (s, a) -> s.segment = (byte[]) a),
            new StateColumn("id", int.class, 0, s -> s.id, (s, a) -> s.id = (int[]) a),
            new StateColumn("referencePrice", byte.class, (byte) MarketState.PRICE_STEPS, s -> s.referencePrice,
                    (s, a) -> s.referencePrice = (byte[]) a),
            new StateColumn("surveyAnswer", byte.class, MarketState.NOT_SURVEYED, s -> s.surveyAnswer,
                    (s, a) -> s.surveyAnswer = (byte[]) a));

    final String name;
    private final Class<?> type;
    /** A new row's value (0 unless said otherwise), as the column's own type would hold it. */
    private final long initial;
    private final Function<MarketState, Object> array;
    private final BiConsumer<MarketState, Object> replace;

    private StateColumn(String name, Class<?> type, long initial, Function<MarketState, Object> array,
                        BiConsumer<MarketState, Object> replace) {
        this.name = name;
        this.type = type;
        this.initial = initial;
        this.array = array;
        this.replace = replace;
    }

    /** Bytes a customer takes in this column. */
    int bytes() {
        return type == byte.class ? 1 : type == short.class ? 2 : 4;
    }

    /** Gives the state a fresh array of {@code capacity} rows, every row at its initial value. */
    void allocate(MarketState st, int capacity) {
        Object fresh = Array.newInstance(type, capacity);
        fill(fresh, 0, capacity);
        replace.accept(st, fresh);
    }

    /** Gives {@code to} its own copy of {@code from}'s array. */
    void copy(MarketState from, MarketState to) {
        Object source = array.apply(from);
        replace.accept(to, resized(source, Array.getLength(source)));
    }

    /** Grows the state's array to {@code capacity} rows, keeping its rows and starting the new ones at the initial value. */
    void grow(MarketState st, int capacity) {
        Object old = array.apply(st);
        Object grown = resized(old, capacity);
        fill(grown, Array.getLength(old), capacity);
        replace.accept(st, grown);
    }

    /**
     * Keeps the rows {@code rows[0 .. count-1]} (ascending) as rows {@code 0 .. count-1}, in place (a row only ever
     * moves down, onto a row already read), and starts the rows {@code count .. size-1} left behind at the initial
     * value, ready for customers appended later.
     */
    void retain(MarketState st, int[] rows, int count, int size) {
        Object a = array.apply(st);
        if (a instanceof byte[] b) {
            for (int k = 0; k < count; k++) {
                b[k] = b[rows[k]];
            }
            java.util.Arrays.fill(b, count, size, (byte) initial);
        } else if (a instanceof short[] h) {
            for (int k = 0; k < count; k++) {
                h[k] = h[rows[k]];
            }
            java.util.Arrays.fill(h, count, size, (short) initial);
        } else if (a instanceof int[] n) {
            for (int k = 0; k < count; k++) {
                n[k] = n[rows[k]];
            }
            java.util.Arrays.fill(n, count, size, (int) initial);
        } else {
            float[] f = (float[]) a;
            for (int k = 0; k < count; k++) {
                f[k] = f[rows[k]];
            }
            java.util.Arrays.fill(f, count, size, initial);
        }
    }

    /** A new array of this column's type and {@code capacity} rows, starting with the rows of {@code source}. */
    private Object resized(Object source, int capacity) {
        Object out = Array.newInstance(type, capacity);
        System.arraycopy(source, 0, out, 0, Math.min(capacity, Array.getLength(source)));
        return out;
    }

    private void fill(Object a, int from, int to) {
        if (initial == 0) {
            return; // a new Java array is already zero
        }
        if (type == byte.class) {
            java.util.Arrays.fill((byte[]) a, from, to, (byte) initial);
        } else if (type == short.class) {
            java.util.Arrays.fill((short[]) a, from, to, (short) initial);
        } else {
            throw new IllegalStateException("column " + name + ": a non-zero initial value of " + type);
        }
    }
}
