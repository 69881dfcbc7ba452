package org.segmentlab.cli.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One example command of the documentation: where it is written ({@code README.md:20}, or
 * {@code segmentlab run --help:41}), its text (continuation lines joined), the words a shell would pass to
 * {@code bin/segmentlab}, and the exit code the text promises.
 *
 * <p>What counts as an example: in Markdown, every line of a code block (fenced or indented) and every inline code
 * span that starts with {@code bin/segmentlab }; in help text, every line that starts with it. A line ending in
 * {@code \} continues on the next. In a code block, {@code NAME=value} lines set shell variables that later
 * examples of the same file use as {@code $NAME}. A trailing {@code # comment} is dropped; a comment that says
 * {@code # exit N} marks an example that shows exit code N on purpose (the default is 0).
 *
 * @param source   the file name or {@code segmentlab VERB --help}
 * @param line     the 1-based line the example starts on
 * @param text     the command as written, continuation lines joined with single spaces
 * @param args     the words after {@code bin/segmentlab}, as a POSIX shell would split them
 * @param exitCode the exit code the documentation promises
 */
record DocExample(String source, int line, String text, List<String> args, int exitCode) {

    static final String LAUNCHER = "bin/segmentlab";
    private static final Pattern INLINE = Pattern.compile("`(" + Pattern.quote(LAUNCHER) + " [^`]+)`");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z_][A-Z0-9_]*)=(.*)");
    private static final Pattern EXIT = Pattern.compile("#.*\\bexits? (\\d+)\\b.*");

    /** Where the example is, for failure messages. */
    String where() {
        return source + ":" + line;
    }

    /** The examples of a Markdown file, in order. */
    static List<DocExample> ofMarkdown(String source, List<String> lines) {
        List<DocExample> examples = new ArrayList<>();
        Map<String, String> variables = new HashMap<>();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String stripped = raw.strip();
            if (stripped.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            boolean code = fenced || raw.startsWith("    ");
            if (code) {
                Matcher assignment = ASSIGNMENT.matcher(stripped);
                if (assignment.matches()) {
                    List<String> value = split(assignment.group(2), variables);
                    variables.put(assignment.group(1), value.isEmpty() ? "" : value.get(0));
                    continue;
                }
                if (stripped.startsWith(LAUNCHER + " ")) {
                    i = command(source, lines, i, variables, examples);
                }
                continue;
            }
            Matcher span = INLINE.matcher(raw);
            while (span.find()) {
                examples.add(of(source, i + 1, span.group(1), variables));
            }
        }
        return examples;
    }

    /** The examples of a help text, in order. */
    static List<DocExample> ofHelp(String source, List<String> lines) {
        List<DocExample> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(LAUNCHER + " ")) {
                i = command(source, lines, i, Map.of(), examples);
            }
        }
        return examples;
    }

    /** Adds the command starting at {@code start} (with its continuation lines); returns its last line's index. */
    private static int command(String source, List<String> lines, int start, Map<String, String> variables,
            List<DocExample> examples) {
        StringBuilder text = new StringBuilder();
        int i = start;
        String part = lines.get(i).strip();
        while (part.endsWith("\\") && i + 1 < lines.size()) {
            text.append(part, 0, part.length() - 1).append(' ');
            part = lines.get(++i).strip();
        }
        text.append(part);
        examples.add(of(source, start + 1, text.toString().replaceAll(" {2,}", " "), variables));
        return i;
    }

    private static DocExample of(String source, int line, String text, Map<String, String> variables) {
        Matcher exit = EXIT.matcher(text.substring(text.indexOf(" #") + 1)); // from the '#' (no comment: the whole text)
        int exitCode = text.contains(" #") && exit.matches() ? Integer.parseInt(exit.group(1)) : 0;
        List<String> words = split(text, variables);
        return new DocExample(source, line, text, List.copyOf(words.subList(1, words.size())), exitCode);
    }

    /**
     * Splits a command line into words as a POSIX shell does for the cases the docs use: single and double
     * quotes, backslash escapes outside quotes, {@code $NAME} (split into words when unquoted), and a
     * {@code #} comment at the start of a word.
     */
    static List<String> split(String text, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' in: " + text);
                }
                word.append(text, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed \" in: " + text);
                }
                word.append(expand(text.substring(i + 1, end), variables));
                inWord = true;
                i = end + 1;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == '$') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (!variables.containsKey(name)) {
                    throw new IllegalArgumentException("$" + name + " is not set above the example: " + text);
                }
                // Unquoted: split into words.
                String[] parts = variables.get(name).strip().split("\\s+");
                for (int p = 0; p < parts.length; p++) {
                    if (p > 0) {
                        words.add(word.toString());
                        word.setLength(0);
                    }
                    word.append(parts[p]);
                    inWord = inWord || !parts[p].isEmpty();
                }
                i = end;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static String expand(String quoted, Map<String, String> variables) {
        Matcher m = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)").matcher(quoted);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            if (!variables.containsKey(m.group(1))) {
                throw new IllegalArgumentException("$" + m.group(1) + " is not set above the example: " + quoted);
            }
            m.appendReplacement(b, Matcher.quoteReplacement(variables.get(m.group(1))));
        }
        return m.appendTail(b).toString();
    }
}
