package org.accord.gateway.redaction.scrub;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An institution's student number format, as an agreement states it. Only a small, bounded regex subset is
 * accepted (literals, character classes, {@code \d}, {@code \w}, {@code ?} and {@code {n}} or {@code {n,m}} with
 * m at most 32; no groups, alternation, {@code *}, {@code +}, back references or look-around), so a pattern
 * written by a governance lead can match only short strings and cannot backtrack catastrophically.
 */
public final class StudentNumberPattern {

    static final int MAX_SOURCE_LENGTH = 100;
    static final int MAX_REPEAT = 32;
    private static final int ASCII = 128;
    private static final Pattern QUANTIFIER = Pattern.compile("\\{([0-9]{1,2})(?:,([0-9]{1,2}))?}");

    private final String source;
    private final Pattern pattern;
    private final boolean[] firstChars;
    private final boolean alphanumericStart;

    private StudentNumberPattern(String source) {
        this.source = source;
        this.pattern = Pattern.compile("(?<![A-Za-z0-9])(?:" + source + ")(?![A-Za-z0-9])");
        this.firstChars = firstChars(pattern);
        this.alphanumericStart = startsAlphanumeric(firstChars);
    }

    /** The ASCII characters a match can start with: those the pattern matches alone or reads past. */
    private static boolean[] firstChars(Pattern pattern) {
        boolean[] first = new boolean[ASCII];
        for (char c = 0; c < ASCII; c++) {
            Matcher m = pattern.matcher(String.valueOf(c));
            first[c] = m.lookingAt() || m.hitEnd();
        }
        return first;
    }

    /** Whether a match can start only at an ASCII letter or digit. */
    private static boolean startsAlphanumeric(boolean[] first) {
        for (char c = 0; c < ASCII; c++) {
            if (first[c] && !PatternScan.isAlnum(c)) {
                return false;
            }
        }
        return true;
    }

    /** Each non-empty match in {@code text}, trying the pattern only where a match can start. */
    void each(String text, StartPositions starts, Consumer<Matcher> action) {
        PatternScan.Start start = (t, i) -> {
            char c = t.charAt(i);
            return (c >= ASCII || firstChars[c]) && PatternScan.wordStart(t, i);
        };
        if (alphanumericStart) {
            PatternScan.each(pattern, text, starts.tokens, start, action);
        } else {
            PatternScan.each(pattern, text, start, action);
        }
    }

    /**
     * @throws IllegalArgumentException naming the first thing wrong with the pattern
     */
    public static StudentNumberPattern compile(String source) {
        String problem = problemWith(source);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new StudentNumberPattern(source);
    }

    /** Why the pattern is not accepted, or {@code null} if it is. */
    public static String problemWith(String source) {
        if (source == null || source.isEmpty()) {
            return "the student number pattern is empty";
        }
        if (source.length() > MAX_SOURCE_LENGTH) {
            return "the student number pattern is longer than " + MAX_SOURCE_LENGTH + " characters";
        }
        boolean inClass = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                if (i + 1 >= source.length() || "dw-./[]{}".indexOf(source.charAt(i + 1)) < 0) {
                    return "the student number pattern may only use the escapes \\d, \\w, \\-, \\., \\/, \\[, \\], \\{ and \\}";
                }
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[' || c == '&') {
                    return "the student number pattern may not nest character classes";
                }
            } else if (c == '[') {
                inClass = true;
            } else if (c == '{') {
                Matcher m = QUANTIFIER.matcher(source).region(i, source.length());
                if (!m.lookingAt()) {
                    return "the student number pattern has a quantifier other than {n} or {n,m}";
                }
                int max = Integer.parseInt(m.group(2) == null ? m.group(1) : m.group(2));
                if (max > MAX_REPEAT || max < Integer.parseInt(m.group(1))) {
                    return "the student number pattern repeats more than " + MAX_REPEAT + " times or has {n,m} with m < n";
                }
                i = m.end() - 1;
            } else if ("*+|()^$".indexOf(c) >= 0) {
                return "the student number pattern may not use " + c + " (only bounded {n,m} repeats, no groups or alternation)";
            }
        }
        if (inClass) {
            return "the student number pattern has an unclosed character class";
        }
        try {
            Pattern.compile(source);
        } catch (RuntimeException e) {
            return "the student number pattern does not compile";
        }
        return null;
    }

    Pattern pattern() {
        return pattern;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
