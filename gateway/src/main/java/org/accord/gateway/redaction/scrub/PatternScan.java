package org.accord.gateway.redaction.scrub;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a pattern only where a cheap character check says a match could start, instead of letting
 * {@link Matcher#find()} try it (look-behind and all) at every position. The check must hold at the start of
 * every match; the pattern is then tried there with {@link Matcher#lookingAt()} over transparent bounds, so its
 * look-behind still sees the text before. Matches are the same as {@code find()} gives, in the same order; the
 * work stays linear since each pattern does bounded work at each position it is tried.
 */
final class PatternScan {

    private static final int MAX_RUN = 32;

    private PatternScan() {
    }

    /** Whether a match of a pattern could start at {@code i} of {@code text}: a necessary condition only. */
    @FunctionalInterface
    interface Start {
        boolean at(String text, int i);
    }

    /**
     * Calls {@code action} for each match, as {@code while (m.find())} would, trying the pattern only at those of
     * {@code positions} where {@code start} holds; every match must start at one of them.
     */
    static void each(Pattern pattern, String text, StartPositions.Positions positions, Start start, Consumer<Matcher> action) {
        Matcher m = null;
        int n = text.length();
        int from = 0;
        for (int k = 0; k < positions.size(); k++) {
            int i = positions.get(k);
            if (i >= from && start.at(text, i)) {
                if (m == null) {
                    m = matcher(pattern, text);
                }
                m.region(i, n);
                if (m.lookingAt()) {
                    action.accept(m);
                    from = m.end() > m.start() ? m.end() : m.end() + 1;
                }
            }
        }
    }

    /** Calls {@code action} for each match, as {@code while (m.find())} would, trying every position {@code start} allows. */
    static void each(Pattern pattern, String text, Start start, Consumer<Matcher> action) {
        Matcher m = matcher(pattern, text);
        int from = 0;
        while (find(m, text, from, start)) {
            action.accept(m);
            from = m.end() > m.start() ? m.end() : m.end() + 1;
        }
    }

    /** A matcher for {@link #find} over {@code text}. */
    static Matcher matcher(Pattern pattern, String text) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** Like {@link Matcher#find(int)}, trying only the positions {@code start} allows; {@code m} from {@link #matcher}. */
    static boolean find(Matcher m, String text, int from, Start start) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            if (start.at(text, i)) {
                m.region(i, n);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many ASCII digits run from {@code i}, counting at most 32. */
    static int digitRun(String text, int i) {
        int j = i;
        while (j < text.length() && j - i < MAX_RUN && isDigit(text.charAt(j))) {
            j++;
        }
        return j - i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isLetter(char c) {
        return isUpper(c) || isLower(c);
    }

    static boolean isAlnum(char c) {
        return isLetter(c) || isDigit(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The character at {@code i}, or 0 outside the text. */
    static char at(String text, int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : 0;
    }

    /** Not preceded by an ASCII letter or digit. */
    static boolean wordStart(String text, int i) {
        return !isAlnum(at(text, i - 1));
    }

    /** An ASCII digit not preceded by another digit. */
    static boolean digitsStart(String text, int i) {
        return isDigit(text.charAt(i)) && !isDigit(at(text, i - 1));
    }
}
