package org.accord.gateway.redaction.scrub;

import java.util.Arrays;

/**
 * The few kinds of position where identifier patterns can start, found in one pass over a text, so that each
 * pattern is tried at those positions only rather than at every character. Each list is in ascending order.
 */
final class StartPositions {

    private static final int EMAIL_LOCAL_PART = 64;
    private static final int TOKEN_SPACING = 5;
    private static final int INITIAL_CAPACITY = 16;
    private static final int MAX_LETTERS_BEFORE_DIGIT = 3;
    private static final int IPV6_LEADING_HEX = 4;
    private static final int ASCII = 128;
    private static final int ALNUM = 1;
    private static final int DIGIT = 2;
    /** A character of a domain name: letter, digit, '-' or '.'. */
    private static final int DOMAIN = 4;
    private static final int HEX_OR_COLON = 8;
    /** '@', '.' or '/': a URL does not start right after one. */
    private static final int NOT_BEFORE_URL = 16;
    private static final byte[] KINDS = kinds();

    /** An ASCII letter or digit not preceded by one: where a word-bounded pattern can start. */
    final Positions tokens;
    /** An ASCII digit not preceded by one. */
    final Positions digits = new Positions();
    /**
     * An ASCII letter, digit or '-' not preceded by a letter, digit, '@', '.' or '/', that starts "http" or
     * "www." or lies in a run of letters, digits, '-' and '.' ending at a '/'.
     */
    final Positions urls = new Positions();
    /** An ASCII digit not preceded by an ASCII letter or digit. */
    final Positions numbers = new Positions();
    /** An ASCII capital, or a 9 (a driving licence pads a short surname with 9s), not preceded by a letter or digit. */
    final Positions capitals = new Positions();
    /** One to three ASCII letters not preceded by a letter or digit, then a digit or a space and a digit. */
    final Positions lettersBeforeDigits = new Positions();
    /** Up to four hex digits then ':', not preceded by a hex digit or ':'. */
    final Positions ipv6 = new Positions();
    /** An '@'. */
    final Positions atSigns = new Positions();
    /** The start of a run of 1 to 65 e-mail local-part characters that ends at an '@'. */
    final Positions emails = new Positions();

    private int domainRun;
    private int hexRun = -1;
    private boolean hexRunHasColon;

    StartPositions(String text) {
        tokens = new Positions(text.length() / TOKEN_SPACING + 1);
        int before = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int kind = kind(c);
            boolean wordStart = (kind & ALNUM) != 0 && (before & ALNUM) == 0;
            if (wordStart) {
                addToken(text, i, c);
            }
            if ((kind & DIGIT) != 0 && (before & DIGIT) == 0) {
                digits.add(i);
            }
            if ((kind & DOMAIN) == 0) {
                endDomainRun(text, c);
                domainRun = urls.size();
            } else if ((wordStart || c == '-') && (before & (ALNUM | NOT_BEFORE_URL)) == 0) {
                urls.add(i);
            }
            if ((kind & HEX_OR_COLON) != 0) {
                addIpv6Start(c, i);
            } else {
                hexRun = -1;
            }
            if (c == '@') {
                atSigns.add(i);
                addEmailStart(text, i);
            }
            before = kind;
        }
        endDomainRun(text, (char) 0);
    }

    /** The kind bits of {@code c}: one table look-up, since the scan tests several kinds of every character. */
    private static int kind(char c) {
        return c < KINDS.length ? KINDS[c] : 0;
    }

    private static byte[] kinds() {
        byte[] kinds = new byte[ASCII];
        for (char c = 0; c < ASCII; c++) {
            int kind = 0;
            kind |= PatternScan.isAlnum(c) ? ALNUM : 0;
            kind |= PatternScan.isDigit(c) ? DIGIT : 0;
            kind |= PatternScan.isAlnum(c) || c == '-' || c == '.' ? DOMAIN : 0;
            kind |= PatternScan.isHex(c) || c == ':' ? HEX_OR_COLON : 0;
            kind |= c == '@' || c == '.' || c == '/' ? NOT_BEFORE_URL : 0;
            kinds[c] = (byte) kind;
        }
        return kinds;
    }

    private void addToken(String text, int i, char c) {
        tokens.add(i);
        if (PatternScan.isDigit(c)) {
            numbers.add(i);
        }
        if (PatternScan.isUpper(c) || c == '9') {
            capitals.add(i);
        }
        if (PatternScan.isLetter(c) && isLettersBeforeDigit(text, i)) {
            lettersBeforeDigits.add(i);
        }
    }

    private static boolean isLettersBeforeDigit(String text, int i) {
        int j = i + 1;
        while (j - i < MAX_LETTERS_BEFORE_DIGIT && PatternScan.isLetter(PatternScan.at(text, j))) {
            j++;
        }
        char next = PatternScan.at(text, j);
        return PatternScan.isDigit(next) || next == ' ' && PatternScan.isDigit(PatternScan.at(text, j + 1));
    }

    /** At the first ':' of a run of hex digits and colons, adds the run's start if at most four hex digits came before. */
    private void addIpv6Start(char c, int i) {
        if (hexRun < 0) {
            hexRun = i;
            hexRunHasColon = false;
        }
        if (c == ':' && !hexRunHasColon) {
            hexRunHasColon = true;
            if (i - hexRun <= IPV6_LEADING_HEX) {
                ipv6.add(hexRun);
            }
        }
    }

    /**
     * A URL without a scheme is a run of domain characters (letters, digits, '-', '.') up to a '/': when a run
     * ends otherwise, the URL starts found in it are dropped, except those starting "http" or "www.".
     */
    private void endDomainRun(String text, char end) {
        if (end == '/' || domainRun == urls.size()) {
            return;
        }
        int kept = domainRun;
        for (int k = domainRun; k < urls.size(); k++) {
            int i = urls.get(k);
            char first = text.charAt(i);
            boolean couldBeScheme = first == 'h' || first == 'H' || first == 'w' || first == 'W';
            if (couldBeScheme && (text.regionMatches(true, i, "http", 0, 4) || text.regionMatches(true, i, "www.", 0, 4))) {
                urls.set(kept++, i);
            }
        }
        urls.truncate(kept);
    }

    private void addEmailStart(String text, int at) {
        int start = at;
        while (start > 0 && at - start <= EMAIL_LOCAL_PART && isEmailLocal(text.charAt(start - 1))) {
            start--;
        }
        if (start < at && !isEmailLocal(PatternScan.at(text, start - 1))) {
            emails.add(start);
        }
    }

    static boolean isEmailLocal(char c) {
        return PatternScan.isAlnum(c) || "._%+'-".indexOf(c) >= 0;
    }

    /** A growing list of positions. */
    static final class Positions {
        private int[] at;
        private int size;

        Positions() {
            this(INITIAL_CAPACITY);
        }

        Positions(int capacity) {
            at = new int[capacity];
        }

        void add(int position) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = position;
        }

        void set(int index, int position) {
            at[index] = position;
        }

        void truncate(int newSize) {
            size = newSize;
        }

        int size() {
            return size;
        }

        int get(int index) {
            return at[index];
        }
    }
}
