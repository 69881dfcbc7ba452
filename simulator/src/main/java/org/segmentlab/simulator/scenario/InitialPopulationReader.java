package org.segmentlab.simulator.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.collections.api.list.primitive.MutableDoubleList;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.DoubleArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.segmentlab.simulator.csv.CsvReader;

/**
 * Reads the {@code customers.csv} of an {@code initialPopulation} (columns {@link InitialPopulation#COLUMNS}, a
 * header line, the history columns as {@code ;}-separated months, oldest first) with the one CSV reader
 * ({@link CsvReader}); fields are trimmed and empty lines skipped. Every bad row is reported as
 * {@code file:line:1: initialPopulation.file: column NAME: what is wrong} (a row that is not valid CSV at its
 * column), up to the report limit.
 */
final class InitialPopulationReader {

    static final String PATH = "initialPopulation.file";
    /** The engine keeps months as shorts and a window of at most 120 months; older history is not needed. */
    static final int MAX_HISTORY_MONTHS = 120;
    static final int MAX_CUSTOMERS = 50_000_000;
    /** Characters in one field: a history column of 120 months of revenue is far below it. */
    private static final int MAX_FIELD_CHARS = 1 << 16;
    /** Fields read from one record: enough to say how many columns a wrong row has. */
    private static final int MAX_FIELDS = 1024;

    private final Path file;
    private final Map<String, Integer> archetypes;
    private final Problems problems;
    private final String source;

    private InitialPopulationReader(Path file, Map<String, Integer> archetypes, Problems problems) {
        this.file = file;
        this.archetypes = archetypes;
        this.problems = problems;
        this.source = file.toString();
    }

    /** The customers, or null after reporting every problem (at {@code at} when the file cannot be read). */
    static InitialPopulation read(Path file, YamlNode at, Map<String, Integer> archetypes, Problems problems) {
        int before = problems.size();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            InitialPopulation read = new InitialPopulationReader(file, archetypes, problems).parse(in);
            return problems.size() > before ? null : read;
        } catch (NoSuchFileException e) {
            problems.add(at, PATH, "no such file: " + file + " (the path is relative to the scenario file)");
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            problems.add(at, PATH, "cannot read " + file + ": " + e.getMessage());
        }
        return null;
    }

    private InitialPopulation parse(Reader in) throws IOException {
        CsvReader reader = new CsvReader(in, ',', 1, MAX_FIELD_CHARS, MAX_FIELDS, true);
        List<String> r = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        MutableIntList archetype = new IntArrayList();
        MutableDoubleList alive = new DoubleArrayList();
        MutableDoubleList rateShape = new DoubleArrayList();
        MutableDoubleList rateScale = new DoubleArrayList();
        MutableDoubleList dropoutAlpha = new DoubleArrayList();
        MutableDoubleList dropoutBeta = new DoubleArrayList();
        MutableDoubleList spendShape = new DoubleArrayList();
        MutableDoubleList spendScale = new DoubleArrayList();
        MutableIntList first = new IntArrayList();
        MutableIntList last = new IntArrayList();
        MutableIntList purchases = new IntArrayList();
        MutableDoubleList revenue = new DoubleArrayList();
        int history = -1;
        List<String> header = new ArrayList<>();
        if (!nextRecord(reader, header)) {
            header.clear();
        }
        if (!header.equals(InitialPopulation.COLUMNS)) {
            at(1, "the header must be " + String.join(",", InitialPopulation.COLUMNS) + ", got "
                    + String.join(",", header));
            return null;
        }
        while (nextRecord(reader, r)) {
            int line = (int) Math.min(Integer.MAX_VALUE, reader.recordLine());
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue; // an empty line
            }
            if (ids.size() >= MAX_CUSTOMERS) {
                at(line, "at most " + MAX_CUSTOMERS + " customers");
                break;
            }
            if (r.size() != InitialPopulation.COLUMNS.size()) {
                at(line, "needs " + InitialPopulation.COLUMNS.size() + " columns, got " + r.size());
                continue;
            }
            int before = problems.size();
            String id = get(r, "customer");
            if (id.isEmpty()) {
                at(line, "column customer: must not be empty");
            }
            Integer a = archetypes.get(get(r, "archetype"));
            if (a == null) {
                at(line, "column archetype: '" + get(r, "archetype") + "' is not an archetype of the scenario; allowed: "
                        + String.join(", ", archetypes.keySet()));
            }
            double pAlive = number(r, line, "alive", 0, 1, true);
            double[] positive = new double[6];
            String[] names = {"rateShape", "rateScale", "dropoutAlpha", "dropoutBeta", "spendShape", "spendScale"};
            for (int k = 0; k < names.length; k++) {
                positive[k] = number(r, line, names[k], 0, 1e12, false);
            }
            int f = (int) number(r, line, "firstPurchase", -30_000, -1, true);
            int l = (int) number(r, line, "lastPurchase", -30_000, -1, true);
            if (f > l) {
                at(line, "column lastPurchase: must be >= firstPurchase (" + f + "), got " + l);
            }
            String[] p = get(r, "purchases").split(";", -1);
            String[] v = get(r, "revenue").split(";", -1);
            if (history < 0) {
                history = p.length;
            }
            if (p.length != history || v.length != history || history > MAX_HISTORY_MONTHS) {
                at(line, "columns purchases and revenue: need the same number of months on every row (at most "
                        + MAX_HISTORY_MONTHS + "; the first row has " + history + "), got " + p.length + " and " + v.length);
                continue;
            }
            int[] rowPurchases = new int[history];
            double[] rowRevenue = new double[history];
            int atHistory = problems.size();
            for (int m = 0; m < history && problems.size() == atHistory; m++) { // one report a row is enough
                rowPurchases[m] = (int) parse(p[m], line, "purchases", 0, 1e6, true);
                rowRevenue[m] = parse(v[m], line, "revenue", 0, 1e12, true);
            }
            if (problems.size() > before) {
                continue;
            }
            ids.add(id);
            archetype.add(a);
            alive.add(pAlive);
            rateShape.add(positive[0]);
            rateScale.add(positive[1]);
            dropoutAlpha.add(positive[2]);
            dropoutBeta.add(positive[3]);
            spendShape.add(positive[4]);
            spendScale.add(positive[5]);
            first.add(f);
            last.add(l);
            purchases.addAll(rowPurchases);
            revenue.addAll(rowRevenue);
        }
        if (ids.isEmpty()) {
            at(1, "has no customers");
            return null;
        }
        return new InitialPopulation(file, ids, archetype.toArray(), alive.toArray(), rateShape.toArray(),
                rateScale.toArray(), dropoutAlpha.toArray(), dropoutBeta.toArray(), spendShape.toArray(),
                spendScale.toArray(), shorts(first), shorts(last), history, purchases.toArray(), revenue.toArray());
    }

    private static short[] shorts(MutableIntList values) {
        short[] out = new short[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) values.get(i);
        }
        return out;
    }

    private double number(List<String> r, int line, String column, double min, double max, boolean minInclusive) {
        return parse(get(r, column), line, column, min, max, minInclusive);
    }

    private static String get(List<String> record, String column) {
        return record.get(InitialPopulation.COLUMNS.indexOf(column));
    }

    /**
     * The next record, fields trimmed; a record that is not valid CSV is reported at its line and column and
     * skipped (binary input ends the read).
     */
    private boolean nextRecord(CsvReader reader, List<String> fields) throws IOException {
        while (true) {
            try {
                if (!reader.next(fields)) {
                    return false;
                }
                fields.replaceAll(String::trim);
                return true;
            } catch (CsvReader.MalformedRecord e) {
                problems.add(new YamlNode.Location(source, (int) Math.min(Integer.MAX_VALUE, e.line()),
                        Math.max(1, e.column())), PATH, e.getMessage());
                if (e.binary()) {
                    return false;
                }
            }
        }
    }

    private double parse(String text, int line, String column, double min, double max, boolean minInclusive) {
        double x;
        try {
            x = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            at(line, "column " + column + ": must be a number, got '" + text + "'");
            return Double.NaN;
        }
        boolean ok = (minInclusive ? x >= min : x > min) && x <= max;
        if (!ok) {
            at(line, "column " + column + ": must be " + (minInclusive ? ">= " : "> ") + format(min) + " and <= "
                    + format(max) + ", got " + text);
        }
        return x;
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private void at(int line, String message) {
        problems.add(new YamlNode.Location(source, line, 1), PATH, message);
    }
}
