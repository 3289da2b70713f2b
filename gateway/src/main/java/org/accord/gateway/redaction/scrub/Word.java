package org.accord.gateway.redaction.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A word of free text, as the name finders see it: letters, with apostrophes and hyphens inside ("O'Neill",
 * "Okafor-Reyes"). A trailing possessive ("Daniel's") is left outside the word. Letters joined to digits
 * ("OX62DS", "CS2041") are not words. A word is a span of its source text: its own string and its lower-case
 * form are made only when first asked for, since most words of a narrative are never looked up.
 */
public final class Word {

    private static final int MAX_WORD = 60;
    private static final char ASCII = 128;

    private final int start;
    private final int end;
    private final String source;
    private String text;
    private String lower;

    /**
     * @param start  index of the first letter in {@code source}
     * @param end    index after the last letter of the word, before any possessive
     * @param source the text the word is in
     */
    private Word(int start, int end, String source) {
        this.start = start;
        this.end = end;
        this.source = source;
    }

    /** The words of {@code text}, in order, in one linear pass. Words longer than 60 characters are skipped. */
    public static List<Word> of(String text) {
        List<Word> words = new ArrayList<>(text.length() / 6 + 1);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (isLetter(text.charAt(i))
                    || (isJoiner(text.charAt(i)) && i + 1 < n && isLetter(text.charAt(i + 1))))) {
                i++;
            }
            int end = i;
            if (end - start >= 3 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S') && isApostrophe(text.charAt(end - 2))) {
                end -= 2;
            }
            boolean touchesDigit = start > 0 && Character.isDigit(text.charAt(start - 1)) || i < n && Character.isDigit(text.charAt(i));
            if (end - start <= MAX_WORD && !touchesDigit) {
                words.add(new Word(start, end, text));
            }
        }
        return words;
    }

    /** Index of the first letter. */
    public int start() {
        return start;
    }

    /** Index after the last letter of the word, before any possessive. */
    public int end() {
        return end;
    }

    /** The word as written. */
    public String text() {
        String t = text;
        if (t == null) {
            t = source.substring(start, end);
            text = t;
        }
        return t;
    }

    /** The word in lower case (root locale). */
    public String lower() {
        String l = lower;
        if (l == null) {
            l = text().toLowerCase(Locale.ROOT);
            lower = l;
        }
        return l;
    }

    int length() {
        return end - start;
    }

    char charAt(int index) {
        return source.charAt(start + index);
    }

    /** First letter upper case and at least one lower-case letter after it ("Daniel", "McDonald", not "NHS"). */
    public boolean isCapitalised() {
        if (!Character.isUpperCase(source.charAt(start))) {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (Character.isLowerCase(source.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Only a single space lies between this word and {@code next}. */
    boolean isFollowedBy(Word next, String source) {
        return next.start - end == 1 && source.charAt(end) == ' ';
    }

    /** Only a single space, or a full stop and a space ("Dr. Patel"), lies between this title and {@code next}. */
    boolean isTitleOf(Word next, String source) {
        int gap = next.start - end;
        return isFollowedBy(next, source) || gap == 2 && source.startsWith(". ", end);
    }

    /** The word opens a sentence: only spaces, quotes or brackets since the text start or a full stop, ! or ?. */
    boolean opensSentence(String source) {
        for (int i = start - 1; i >= 0; i--) {
            char c = source.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':') {
                return true;
            }
            if (c != ' ' && c != '"' && c != '(' && c != '\'' && c != '\u201C' && c != '\u2018') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Word word && start == word.start && end == word.end && text().equals(word.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, text());
    }

    @Override
    public String toString() {
        return "Word[start=" + start + ", end=" + end + ", text=" + text() + "]";
    }

    /** {@link Character#isLetter(char)}, answered without a table look-up for ASCII. */
    private static boolean isLetter(char c) {
        if (c < ASCII) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetter(c);
    }

    private static boolean isJoiner(char c) {
        return c == '-' || isApostrophe(c);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }
}
