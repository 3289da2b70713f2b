package org.accord.gateway.redaction.scrub;

/**
 * A hand-written scanner for UK phone numbers however they are grouped: a leading {@code 0}, {@code +44},
 * {@code 0044} or {@code 00 44} (optionally bracketed, optionally followed by {@code (0)}), then exactly ten national
 * digits starting 1, 2, 3, 5, 7, 8 or 9, with up to three spaces, hyphens, dots or brackets between any two digits
 * ("(07700) 900 123", "+44 (0)7700-900-123", "0 7 7 0 0 9 0 0 1 2 3"); never two spaces in a row. A number
 * under another country's code is taken too: a '+', then 9 to 15 digits so grouped. Looks at most a fixed number of characters
 * from each start, so it is linear in the text length.
 */
final class PhoneScanner {

    private static final int NATIONAL_DIGITS = 10;
    private static final int MAX_SPAN = 40;
    private static final int MAX_SEPARATORS = 3;
    private static final int MIN_INTERNATIONAL = 9;
    private static final int MAX_INTERNATIONAL = 15;

    private PhoneScanner() {
    }

    static void find(String text, IdentifierFinder.Candidates out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if ((c == '0' || c == '+' || c == '(') && boundaryBefore(text, i)) {
                int end = match(text, i);
                if (end > 0) {
                    int begin = i;
                    int close = text.indexOf(')', i);
                    if (c == '(' && (close < 0 || close >= end - 1)) {
                        begin++;
                        end = close == end - 1 ? end - 1 : end;
                    }
                    out.add(IdentifierType.PHONE, begin, end);
                    i = end;
                    continue;
                }
            }
            i++;
        }
    }

    private static boolean boundaryBefore(String text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return !Character.isLetterOrDigit(before) && "+£$€.,/:-(".indexOf(before) < 0;
    }

    /** The end of a phone number starting at {@code start}, or -1. */
    private static int match(String text, int start) {
        int n = text.length();
        int j = start;
        if (text.charAt(j) == '(') {
            j++;
        }
        int country = countryCode(text, j);
        if (country > 0) {
            j = country;
            while (j < text.length() && j - country < 2 && (text.charAt(j) == ' ' || text.charAt(j) == '-' || text.charAt(j) == ')')) {
                j++;
            }
            if (!text.startsWith("(0)", j)) {
                j = skipSeparators(text, country);
            }
            if (text.startsWith("(0)", j)) {
                j = skipSeparators(text, j + 3);
            }
        } else if (j < n && text.charAt(j) == '+') {
            return international(text, start, j + 1);
        } else if (j < n && text.charAt(j) == '0') {
            j++;
            j = skipSeparators(text, j);
        } else {
            return -1;
        }
        int digits = 0;
        int last = -1;
        while (j < n && j - start <= MAX_SPAN && digits < NATIONAL_DIGITS) {
            char c = text.charAt(j);
            if (c < '0' || c > '9' || digits == 0 && "1235789".indexOf(c) < 0) {
                return -1;
            }
            digits++;
            last = j;
            j++;
            if (digits < NATIONAL_DIGITS) {
                j = skipSeparators(text, j);
            }
        }
        if (digits != NATIONAL_DIGITS) {
            return -1;
        }
        int end = last + 1;
        if (end < n && Character.isLetterOrDigit(text.charAt(end))) {
            return -1;
        }
        int after = skipSeparators(text, end);
        if (after > end && after < n && Character.isDigit(text.charAt(after))) {
            return -1;
        }
        if (end < n && text.charAt(end) == ')' && text.lastIndexOf('(', end) >= start) {
            end++;
        }
        return end;
    }

    /**
     * The end of a number under another country's code ("+234 803 555 0142"): 9 to 15 digits in all after the '+',
     * with separators between groups, or -1.
     */
    private static int international(String text, int start, int j) {
        int n = text.length();
        int digits = 0;
        int last = -1;
        int k = j;
        while (k < n && k - start <= MAX_SPAN && digits < MAX_INTERNATIONAL) {
            char c = text.charAt(k);
            if (c < '0' || c > '9' || digits == 0 && c == '0') {
                break;
            }
            digits++;
            last = k;
            k = skipSeparators(text, k + 1);
        }
        if (digits < MIN_INTERNATIONAL || last + 1 < n && Character.isLetterOrDigit(text.charAt(last + 1))) {
            return -1;
        }
        return k < n && Character.isDigit(text.charAt(k)) ? -1 : last + 1;
    }

    /** The index after "+44", "+ 44", "0044" or "00 44" at {@code j}, or -1. */
    private static int countryCode(String text, int j) {
        if (text.startsWith("+44", j)) {
            return j + 3;
        }
        if (text.startsWith("+ 44", j) || text.startsWith("0044", j)) {
            return j + 4;
        }
        if (text.startsWith("00 44", j)) {
            return j + 5;
        }
        return -1;
    }

    /**
     * Up to three spaces, hyphens, dots or brackets from {@code j}, never two spaces in a row (then none are
     * skipped, so the number ends there); a dot only between digits.
     */
    private static int skipSeparators(String text, int j) {
        int n = text.length();
        int k = j;
        while (k < n && k - j < MAX_SEPARATORS && isSeparator(text.charAt(k))
                && !(text.charAt(k) == ' ' && k > j && text.charAt(k - 1) == ' ')) {
            k++;
        }
        if (k < n && text.charAt(k) == ' ' && k > j && text.charAt(k - 1) == ' ') {
            return j;
        }
        if (k - j == 1 && text.charAt(j) == '.' && !(k < n && Character.isDigit(text.charAt(k)))) {
            return j;
        }
        return k;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\u00A0' || c == '\u2013';
    }
}
