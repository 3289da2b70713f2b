package org.accord.gateway.redaction.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word of free text, as the name finders see it: letters, with apostrophes and hyphens inside ("O'Neill",
 * "Okafor-Reyes"). A trailing possessive ("Daniel's") is left outside the word. Letters joined to digits
 * ("OX62DS", "CS2041") are not words.
 *
 * @param start index of the first letter
 * @param end   index after the last letter of the word, before any possessive
 * @param text  the word as written
 */
public record Word(int start, int end, String text) {

    private static final int MAX_WORD = 60;

    /** The words of {@code text}, in order, in one linear pass. Words longer than 60 characters are skipped. */
    public static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetter(text.charAt(i))
                    || (isJoiner(text.charAt(i)) && i + 1 < n && Character.isLetter(text.charAt(i + 1))))) {
                i++;
            }
            int end = i;
            if (end - start >= 3 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S') && isApostrophe(text.charAt(end - 2))) {
                end -= 2;
            }
            boolean touchesDigit = start > 0 && Character.isDigit(text.charAt(start - 1)) || i < n && Character.isDigit(text.charAt(i));
            if (end - start <= MAX_WORD && !touchesDigit) {
                words.add(new Word(start, end, text.substring(start, end)));
            }
        }
        return words;
    }

    public String lower() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** First letter upper case and at least one lower-case letter after it ("Daniel", "McDonald", not "NHS"). */
    public boolean isCapitalised() {
        return Character.isUpperCase(text.charAt(0)) && text.chars().skip(1).anyMatch(Character::isLowerCase);
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

    private static boolean isJoiner(char c) {
        return c == '-' || isApostrophe(c);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }
}
