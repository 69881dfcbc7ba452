package org.segmentlab.simulator.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a guide quotes from runs, and the check that they are what the runs give now. Pure text work: the
 * numbers themselves come from {@link WorkshopNumbers}.
 * <p>
 * Two kinds of marks, both invisible once the markdown is rendered:
 * <ul>
 *   <li>a <b>block</b>: the lines between {@code <!-- numbers:NAME:begin -->} and {@code <!-- numbers:NAME:end -->}
 *       (each on a line of its own) are generated whole;</li>
 *   <li>an <b>inline mark</b> for a number inside a sentence: {@code <!--n:KEY-->TEXT<!--/n-->}, where TEXT is
 *       generated for KEY (keys are {@code scenario.name}, e.g. {@code four-types.textbook-lead}).</li>
 * </ul>
 * The <b>prose rule</b>: outside blocks and inline marks, a number of money in millions ({@code 43.0 M},
 * {@code −0.27 M}) or of percentage points ({@code 5.8 pp}) is a number quoted from a run and must be marked.
 * Parameters of a scenario (a 20% sale, 5 EUR a month, 100 000 customers) are not millions or points, so they stay
 * free text. Fenced code blocks are not prose.
 */
final class GuideNumbers {

    static final Pattern BEGIN = Pattern.compile("^<!-- numbers:([a-z0-9-]+):begin -->$");
    static final Pattern INLINE = Pattern.compile("<!--n:([a-z0-9.-]+)-->(.*?)<!--/n-->");
    /** A run number written as prose: millions (M) or percentage points (pp), with an optional sign and decimals. */
    static final Pattern UNMARKED = Pattern.compile("[+−-]?\\d+(?:[.,]\\d+)?\\s?(?:M|pp)\\b");

    private GuideNumbers() {
    }

    static String end(String name) {
        return "<!-- numbers:" + name + ":end -->";
    }

    static String begin(String name) {
        return "<!-- numbers:" + name + ":begin -->";
    }

    /** The blocks of a page, by name, each the lines between its begin and end marks. */
    static Map<String, List<String>> blocks(List<String> page) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        for (int i = 0; i < page.size(); i++) {
            Matcher m = BEGIN.matcher(page.get(i));
            if (m.matches()) {
                int end = page.indexOf(end(m.group(1)));
                if (end < i) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": block '" + m.group(1) + "' has no line "
                            + end(m.group(1)) + " after it");
                }
                blocks.put(m.group(1), List.copyOf(page.subList(i + 1, end)));
                i = end;
            }
        }
        return blocks;
    }

    /** The inline marks of a page, by key, with the text written between them. */
    static Map<String, String> inline(List<String> page) {
        Map<String, String> marks = new LinkedHashMap<>();
        for (String line : page) {
            Matcher m = INLINE.matcher(line);
            while (m.find()) {
                marks.put(m.group(1), m.group(2));
            }
        }
        return marks;
    }

    /**
     * Every difference between the page and what the runs give now, one message each (empty: the page is current):
     * a block or inline mark whose text differs (with the first differing line), a block or mark the page lacks or
     * has without a generator, and a run number in prose outside every mark.
     */
    static List<String> problems(String pageName, List<String> page, Map<String, List<String>> blocksNow,
            Map<String, String> inlineNow) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> written = blocks(page);
        for (Map.Entry<String, List<String>> b : blocksNow.entrySet()) {
            List<String> w = written.get(b.getKey());
            if (w == null) {
                problems.add(pageName + ": no block " + begin(b.getKey()) + " … " + end(b.getKey()));
            } else if (!w.equals(b.getValue())) {
                problems.add(pageName + ": block '" + b.getKey() + "' is stale: " + firstDifference(w, b.getValue()));
            }
        }
        for (String name : written.keySet()) {
            if (!blocksNow.containsKey(name)) {
                problems.add(pageName + ": block '" + name + "' has no generator in WorkshopNumbers");
            }
        }
        Map<String, String> marks = inline(page);
        for (Map.Entry<String, String> m : marks.entrySet()) {
            String now = inlineNow.get(m.getKey());
            if (now == null) {
                problems.add(pageName + ": inline mark '" + m.getKey() + "' has no generator in WorkshopNumbers");
            } else if (!now.equals(m.getValue())) {
                problems.add(pageName + ": inline mark '" + m.getKey() + "' is stale: written '" + m.getValue()
                        + "', the runs give '" + now + "'");
            }
        }
        problems.addAll(unmarked(pageName, page));
        return problems;
    }

    /** Run numbers in prose outside blocks, inline marks and code fences, with their line numbers. */
    static List<String> unmarked(String pageName, List<String> page) {
        List<String> problems = new ArrayList<>();
        boolean inBlock = false;
        boolean inFence = false;
        for (int i = 0; i < page.size(); i++) {
            String line = page.get(i);
            if (BEGIN.matcher(line).matches()) {
                inBlock = true;
            } else if (line.startsWith("<!-- numbers:") && line.endsWith(":end -->")) {
                inBlock = false;
            } else if (line.startsWith("```")) {
                inFence = !inFence;
            } else if (!inBlock && !inFence) {
                Matcher m = UNMARKED.matcher(INLINE.matcher(line).replaceAll(""));
                while (m.find()) {
                    problems.add(pageName + ":" + (i + 1) + ": '" + m.group() + "' looks like a number from a run; "
                            + "put it in a numbers block or an inline mark <!--n:SCENARIO.NAME-->…<!--/n--> (or "
                            + "write it without the unit)");
                }
            }
        }
        return problems;
    }

    /** The page with every block and inline mark replaced by what the runs give now. */
    static List<String> regenerate(List<String> page, Map<String, List<String>> blocksNow, Map<String, String> inlineNow) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            String line = page.get(i);
            Matcher b = BEGIN.matcher(line);
            if (b.matches() && blocksNow.containsKey(b.group(1))) {
                out.add(line);
                out.addAll(blocksNow.get(b.group(1)));
                i = page.indexOf(end(b.group(1))) - 1;
                continue;
            }
            Matcher m = INLINE.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String now = inlineNow.getOrDefault(m.group(1), m.group(2));
                m.appendReplacement(sb, Matcher.quoteReplacement("<!--n:" + m.group(1) + "-->" + now + "<!--/n-->"));
            }
            m.appendTail(sb);
            out.add(sb.toString());
        }
        return out;
    }

    private static String firstDifference(List<String> written, List<String> now) {
        int i = 0;
        while (i < Math.min(written.size(), now.size()) && written.get(i).equals(now.get(i))) {
            i++;
        }
        return "line " + (i + 1) + " of the block: written '" + (i < written.size() ? written.get(i) : "(nothing)")
                + "', the runs give '" + (i < now.size() ? now.get(i) : "(nothing)") + "'";
    }
}
