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
        char before = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alnum = PatternScan.isAlnum(c);
            boolean afterAlnum = PatternScan.isAlnum(before);
            if (alnum && !afterAlnum) {
                addToken(text, i, c);
            }
            if (PatternScan.isDigit(c) && !PatternScan.isDigit(before)) {
                digits.add(i);
            }
            boolean domain = alnum || c == '-' || c == '.';
            if (!domain) {
                endDomainRun(text, c);
                domainRun = urls.size();
            }
            if ((alnum || c == '-') && !afterAlnum && before != '@' && before != '.' && before != '/') {
                urls.add(i);
            }
            addIpv6Start(c, i);
            if (c == '@') {
                atSigns.add(i);
                addEmailStart(text, i);
            }
            before = c;
        }
        endDomainRun(text, (char) 0);
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
        if (!PatternScan.isHex(c) && c != ':') {
            hexRun = -1;
            return;
        }
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
