package org.segmentlab.cli.command;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the console that fits a width: the first column left-aligned, the others right-aligned,
 * two spaces apart. When the columns do not fit, the ones that do not are printed in a further block below, with
 * the leading key columns (e.g. threshold, shift, value) repeated so every block reads on its own, as wide data
 * frames print in R. Used for tables whose column count depends on the scenario (one per segment).
 */
final class ConsoleTable {

    private static final String GAP = "  ";

    private ConsoleTable() {
    }

    /**
     * The lines of the table.
     *
     * @param headers    one per column
     * @param keyColumns how many leading columns every block repeats
     * @param rows       the cells, each as wide as {@code headers}
     * @param maxWidth   the widest line allowed (a single column wider than that is printed whole)
     */
    static List<String> render(List<String> headers, int keyColumns, List<String[]> rows, int maxWidth) {
        int columns = headers.size();
        int[] width = new int[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = headers.get(c).length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        int keyWidth = 0;
        for (int c = 0; c < keyColumns; c++) {
            keyWidth += (c == 0 ? 0 : GAP.length()) + width[c];
        }
        List<String> lines = new ArrayList<>();
        int next = keyColumns;
        do {
            // Greedy: as many further columns as fit beside the key columns (at least one, so the table ends).
            int end = next;
            int used = keyWidth;
            while (end < columns && (end == next || used + GAP.length() + width[end] <= maxWidth)) {
                used += GAP.length() + width[end];
                end++;
            }
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add(line(headers.toArray(new String[0]), width, keyColumns, next, end));
            for (String[] r : rows) {
                lines.add(line(r, width, keyColumns, next, end));
            }
            next = end;
        } while (next < columns);
        return lines;
    }

    private static String line(String[] cells, int[] width, int keyColumns, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < keyColumns; c++) {
            cell(b, cells[c], width[c], c == 0);
        }
        for (int c = from; c < to; c++) {
            cell(b, cells[c], width[c], false);
        }
        return b.toString().stripTrailing();
    }

    private static void cell(StringBuilder b, String text, int width, boolean left) {
        if (b.length() > 0) {
            b.append(GAP);
        }
        String pad = " ".repeat(Math.max(0, width - text.length()));
        b.append(left ? text + pad : pad + text);
    }
}
