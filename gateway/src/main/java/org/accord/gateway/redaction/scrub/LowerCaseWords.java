package org.accord.gateway.redaction.scrub;

import java.util.Locale;
import java.util.Set;

/**
 * A fixed set of lower-case words that a word of text can be looked up in, in any case, without making a string
 * of it: each capitalised word of a narrative is looked up in several lists, and a lower-case string for each
 * look-up was much of the name finders' cost. Words with a character outside ASCII are looked up by their
 * lower-case string, as {@link String#toLowerCase(Locale)} gives it, since case mapping outside ASCII is not
 * character by character.
 */
final class LowerCaseWords {

    private static final char ASCII = 128;

    private final Set<String> words;
    /** Open addressing with linear probing, at most a quarter full, so every probe sequence soon reaches a null. */
    private final String[] table;
    private final int mask;
    /** Which ASCII characters (lower case) start a word of the set: most words of a text are rejected on that alone. */
    private final boolean[] initials = new boolean[ASCII];

    /**
     * @param words lower-case words (root locale)
     */
    LowerCaseWords(Set<String> words) {
        this.words = Set.copyOf(words);
        int size = Integer.highestOneBit(Math.max(1, words.size()) * 4 - 1) * 2;
        table = new String[size];
        mask = size - 1;
        for (String word : this.words) {
            int slot = word.hashCode() & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = word;
            if (!word.isEmpty() && word.charAt(0) < ASCII) {
                initials[word.charAt(0)] = true;
            }
        }
    }

    /** Whether a word already in lower case (root locale) is one of the words. */
    boolean contains(String lowerCase) {
        return words.contains(lowerCase);
    }

    boolean contains(Word word) {
        return contains(word, 0, word.length());
    }

    /** Whether characters {@code from} to {@code to} of {@code word}, in lower case, are one of the words. */
    boolean contains(Word word, int from, int to) {
        if (from < to && word.charAt(from) < ASCII && !initials[lower(word.charAt(from))]) {
            return false;
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            char c = word.charAt(i);
            if (c >= ASCII) {
                String part = from == 0 && to == word.length() ? word.lower() : word.text().substring(from, to).toLowerCase(Locale.ROOT);
                return words.contains(part);
            }
            hash = 31 * hash + lower(c);
        }
        for (int slot = hash & mask; table[slot] != null; slot = (slot + 1) & mask) {
            if (equalsIgnoringCase(table[slot], word, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** {@code lowerCase} equals the ASCII characters {@code from} to {@code to} of {@code word} in lower case. */
    private static boolean equalsIgnoringCase(String lowerCase, Word word, int from, int to) {
        if (lowerCase.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (lowerCase.charAt(i - from) != lower(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
