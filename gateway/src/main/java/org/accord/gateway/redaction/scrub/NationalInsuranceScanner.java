package org.accord.gateway.redaction.scrub;

import java.util.Locale;
import java.util.Set;

/**
 * A hand-written scanner for National Insurance numbers in any case and however spaced: two prefix letters, six
 * digits and a suffix letter A to D, with at most one space, hyphen or dot between any two characters
 * ("QQ 12 34 56 C", "qq123456c", "Q Q 1 2 3 4 5 6 C"); the two letters in the same case. The suffix may be left off only where "NI", "NINO" or
 * "national insurance" comes just before. Two lower-case letters that make an English word ("by", "at") and stand
 * apart from the digits need that context too. Looks at a bounded number of characters from each word start.
 */
final class NationalInsuranceScanner {

    private static final int DIGITS = 6;
    private static final Set<String> SHORT_WORDS = Set.of("am", "an", "as", "at", "be", "by", "go", "he", "it", "me",
            "my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "ok", "pm", "ye", "yo", "hi", "ha", "eh");

    private NationalInsuranceScanner() {
    }

    static void find(String text, StartPositions starts, IdentifierFinder.Candidates out) {
        int from = 0;
        for (int k = 0; k < starts.tokens.size(); k++) {
            int i = starts.tokens.get(k);
            if (i < from || !PatternScan.isLetter(text.charAt(i))) {
                continue;
            }
            int end = match(text, i);
            if (end > 0) {
                out.add(IdentifierType.NI_NUMBER, i, end);
                from = end;
            }
        }
    }

    private static int match(String text, int start) {
        int n = text.length();
        char first = Character.toUpperCase(text.charAt(start));
        int j = separator(text, start + 1);
        if (j >= n || !PatternScan.isLetter(text.charAt(j))) {
            return -1;
        }
        if (Character.isUpperCase(text.charAt(start)) != Character.isUpperCase(text.charAt(j))) {
            return -1;
        }
        char second = Character.toUpperCase(text.charAt(j));
        boolean lettersApart = j > start + 1;
        int afterLetters = j + 1;
        if (afterLetters >= n || PatternScan.isLetter(text.charAt(afterLetters))) {
            return -1;
        }
        j = separator(text, afterLetters);
        if (j >= n || !PatternScan.isDigit(text.charAt(j)) || !CheckDigits.isNiPrefix(first, second)) {
            return -1;
        }
        boolean digitsApart = j > afterLetters;
        for (int d = 0; d < DIGITS; d++) {
            if (j >= n || !PatternScan.isDigit(text.charAt(j))) {
                return -1;
            }
            j++;
            if (d < DIGITS - 1) {
                j = separator(text, j);
            }
        }
        int end = j;
        int suffixAt = separator(text, j);
        boolean suffix = suffixAt < n && "ABCDabcd".indexOf(text.charAt(suffixAt)) >= 0
                && (suffixAt + 1 >= n || !PatternScan.isAlnum(text.charAt(suffixAt + 1)));
        if (suffix) {
            end = suffixAt + 1;
        } else if (j < n && PatternScan.isAlnum(text.charAt(j))) {
            return -1;
        }
        if (end < n && PatternScan.isDigit(separatedNext(text, end))) {
            return -1;
        }
        String letters = ("" + text.charAt(start) + text.charAt(afterLetters - 1));
        boolean lowerWord = (lettersApart || digitsApart) && SHORT_WORDS.contains(letters.toLowerCase(Locale.ROOT))
                && Character.isLowerCase(text.charAt(start));
        if ((!suffix || lowerWord) && IdentifierFinder.nearest(text, start, "ni ", "ni:", "nino", "national insurance", "ni number", "ni no") < 0) {
            return -1;
        }
        return end;
    }

    /** Past one space, hyphen or dot at {@code j}, if there is one. */
    private static int separator(String text, int j) {
        if (j < text.length() && " -.".indexOf(text.charAt(j)) >= 0) {
            return j + 1;
        }
        return j;
    }

    private static char separatedNext(String text, int end) {
        int j = separator(text, end);
        return j > end && j < text.length() ? text.charAt(j) : 'x';
    }
}
