package org.accord.gateway.redaction.scrub;

/**
 * A hand-written scanner for UK phone numbers: a leading {@code 0}, {@code +44} or {@code 0044} (optionally
 * {@code +44 (0)}), then exactly ten national digits starting 1, 2, 3, 5, 7, 8 or 9, in groups joined by single
 * spaces or hyphens, with the area code optionally in brackets. Looks at most a fixed number of characters from
 * each start, so it is linear in the text length.
 */
final class PhoneScanner {

    private static final int NATIONAL_DIGITS = 10;
    private static final int MAX_SPAN = 24;

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
                    out.add(IdentifierType.PHONE, i, end);
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
        return !Character.isLetterOrDigit(before) && "+£$€.,/:-".indexOf(before) < 0;
    }

    /** The end of a phone number starting at {@code start}, or -1. */
    private static int match(String text, int start) {
        int n = text.length();
        int j = start;
        boolean bracket = false;
        if (text.startsWith("+44", j) || text.startsWith("0044", j)) {
            j += text.charAt(j) == '+' ? 3 : 4;
            if (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '-')) {
                j++;
            }
            if (text.startsWith("(0)", j)) {
                j += 3;
                if (j < n && text.charAt(j) == ' ') {
                    j++;
                }
            }
        } else if (text.startsWith("(0", j)) {
            bracket = true;
            j += 2;
        } else if (text.charAt(j) == '0') {
            j++;
        } else {
            return -1;
        }
        int digits = 0;
        int last = -1;
        while (j < n && j - start <= MAX_SPAN && digits < NATIONAL_DIGITS) {
            char c = text.charAt(j);
            if (c >= '0' && c <= '9') {
                if (digits == 0 && "1235789".indexOf(c) < 0) {
                    return -1;
                }
                digits++;
                last = j;
                j++;
            } else if (digits > 0 && last == j - 1 && (c == ' ' || c == '-' || (bracket && c == ')'))) {
                if (c == ')') {
                    bracket = false;
                    if (j + 1 < n && text.charAt(j + 1) == ' ') {
                        j++;
                    }
                }
                j++;
            } else {
                return -1;
            }
        }
        if (digits != NATIONAL_DIGITS || bracket) {
            return -1;
        }
        int end = last + 1;
        if (end < n && (Character.isLetterOrDigit(text.charAt(end))
                || ((text.charAt(end) == ' ' || text.charAt(end) == '-') && end + 1 < n && Character.isDigit(text.charAt(end + 1))))) {
            return -1;
        }
        return end;
    }
}
