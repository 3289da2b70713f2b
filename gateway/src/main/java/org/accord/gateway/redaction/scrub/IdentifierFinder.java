package org.accord.gateway.redaction.scrub;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds structured identifiers (everything but names). Each pattern uses bounded, mostly possessive quantifiers
 * behind a fixed-width boundary look-behind, so the work at each position is bounded by a constant and a scan is
 * linear in the text length; format rules and check digits are then checked in code. A pattern is tried only at
 * the {@link StartPositions} where its match could start and a cheap shape check passes (see {@link PatternScan}),
 * not at every character.
 */
final class IdentifierFinder {

    private static final String LEFT = "(?<![A-Za-z0-9])";
    private static final String RIGHT = "(?![A-Za-z0-9])";
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]{1,64}+@[A-Za-z0-9-]{1,63}+(?:\\.[A-Za-z0-9-]{1,63}+){1,8}+");
    private static final Pattern URL_START = Pattern.compile("(?i)(?<![A-Za-z0-9@./])(?:https?://|www\\.|"
            + "(?:[a-z0-9-]{1,63}+\\.){1,4}+(?:com|org|net|uk|io|me|tv|gg|info|co|ru|app|be|ly|to|link|chat|social|ee|fm|cc|xyz|live|site|ng|gh|pl|tr|vn|za|in|pk)/)"
            + "(?=[^\\s<>\"\\[\\]])");
    private static final Pattern HANDLE = Pattern.compile(
            "(?<![A-Za-z0-9._%+@/-])@[A-Za-z0-9_]{2,30}+(?:\\.[A-Za-z0-9_]{1,30}+){0,3}+(?![A-Za-z0-9_@])");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![0-9.])([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})(?![0-9]|\\.[0-9])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}+:[0-9A-Fa-f:]{2,38}+(?![0-9A-Za-z:])");
    private static final Pattern PNC = Pattern.compile("(?<![A-Za-z0-9/])([0-9]{2}|[0-9]{4})/([0-9]{1,7})([A-Z])" + RIGHT);
    private static final Pattern DRIVING_LICENCE = Pattern.compile(
            LEFT + "([A-Z9]{5}) ?[0-9]([0-9]{2})([0-9]{2})[0-9] ?[A-Z9]{2}[0-9][A-Z0-9]{2}" + RIGHT);
    private static final Pattern POSTCODE = Pattern.compile(
            LEFT + "(GIR ?0AA|([A-Z]{1,2})[0-9]([A-Z0-9]?) ?[0-9]([A-Z]{2}))" + RIGHT);
    private static final Pattern LOWER_CASE_POSTCODE = Pattern.compile(
            LEFT + "([a-z]{1,2})[0-9]([a-z0-9]?) [0-9]([a-z]{2})" + RIGHT);
    private static final String NUMBER_LEFT = "(?<![0-9A-Za-z£$€.,/:+-]|[0-9][ -])";
    private static final String NUMBER_RIGHT = "(?![0-9A-Za-z]|[ -][0-9]|[.,/:][0-9])";
    private static final Pattern TEN_DIGITS = Pattern.compile(NUMBER_LEFT + "[0-9]{3}([ -]?)[0-9]{3}\\1[0-9]{4}" + NUMBER_RIGHT);
    private static final Pattern LONG_DIGITS = Pattern.compile(NUMBER_LEFT + "(?:[0-9]{17}|[0-9]{13})" + NUMBER_RIGHT);
    private static final Pattern NINE_DIGITS = Pattern.compile(NUMBER_LEFT + "[0-9]{9}" + NUMBER_RIGHT);
    private static final int CONTEXT_BEFORE = 48;

    private IdentifierFinder() {
    }

    static void find(String text, StudentNumberPattern studentNumbers, Candidates out) {
        StartPositions starts = new StartPositions(text);
        emails(text, starts, out);
        urls(text, starts, out);
        PatternScan.each(HANDLE, text, starts.atSigns, (t, i) -> true, m -> out.add(IdentifierType.HANDLE, m.start(), m.end()));
        PatternScan.each(IPV4, text, starts.digits, (t, i) -> digitsThen(t, i, 1, 3, "."), m -> {
            for (int g = 1; g <= 4; g++) {
                if (Integer.parseInt(m.group(g)) > 255) {
                    return;
                }
            }
            out.add(IdentifierType.IP_ADDRESS, m.start(), m.end());
        });
        PatternScan.each(IPV6, text, starts.ipv6, (t, i) -> true, m -> {
            if (isIpv6(m.group())) {
                out.add(IdentifierType.IP_ADDRESS, m.start(), m.end());
            }
        });
        DateFinder.find(text, starts, out);
        PatternScan.each(PNC, text, starts.numbers, (t, i) -> digitsThen(t, i, 2, 4, "/"), m -> {
            int year = Integer.parseInt(m.group(1));
            int serial = Integer.parseInt(m.group(2));
            if (CheckDigits.pncCheckLetter(year, serial) == m.group(3).charAt(0) || nearest(text, m.start(), "pnc", "police national computer") >= 0) {
                out.add(IdentifierType.PNC_ID, m.start(), m.end());
            }
        });
        PatternScan.each(DRIVING_LICENCE, text, starts.capitals, IdentifierFinder::licenceStart, m -> {
            int month = Integer.parseInt(m.group(2)) % 50;
            int day = Integer.parseInt(m.group(3));
            if (!allNines(text, m.start(1), m.end(1)) && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                out.add(IdentifierType.DRIVING_LICENCE, m.start(), m.end());
            }
        });
        NationalInsuranceScanner.find(text, starts, out);
        PatternScan.each(POSTCODE, text, starts.lettersBeforeDigits, IdentifierFinder::postcodeStart, m -> {
            if (m.group(2) == null || isPostcode(m.group(2), m.group(3), m.group(4))) {
                out.add(IdentifierType.POSTCODE, m.start(), m.end());
            }
        });
        PatternScan.each(LOWER_CASE_POSTCODE, text, starts.lettersBeforeDigits, IdentifierFinder::lowerCasePostcodeStart, m -> {
            if (isPostcode(m.group(1).toUpperCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT), m.group(3).toUpperCase(Locale.ROOT))) {
                out.add(IdentifierType.POSTCODE, m.start(), m.end());
            }
        });
        PhoneScanner.find(text, out);
        SpelledEmailScanner.find(text, out);
        PlatformHandleScanner.find(text, EnglishWords.WORDS, out);
        numbers(text, starts, out);
        if (studentNumbers != null) {
            studentNumbers.each(text, starts, m -> {
                if (m.end() > m.start()) {
                    out.add(IdentifierType.STUDENT_ID, m.start(), m.end());
                }
            });
        }
    }

    /**
     * A URL starts with a scheme, {@code www.}, or a domain under a common top-level domain followed by a path
     * ({@code t.me/name}, {@code youtube.com/watch?v=...}), and runs to the next space, quote or bracket, less
     * trailing punctuation.
     */
    private static void urls(String text, StartPositions starts, Candidates out) {
        Matcher m = null;
        int from = 0;
        for (int k = 0; k < starts.urls.size() && from < text.length(); k++) {
            int i = starts.urls.get(k);
            if (i < from) {
                continue;
            }
            if (m == null) {
                m = PatternScan.matcher(URL_START, text);
            }
            m.region(i, text.length());
            if (!m.lookingAt()) {
                continue;
            }
            int end = m.end();
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "<>\"[]".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            from = end;
            while (end > m.end() && ".,;:!?)'".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            out.add(IdentifierType.URL, m.start(), end);
        }
    }

    private static void emails(String text, StartPositions starts, Candidates out) {
        PatternScan.each(EMAIL, text, starts.emails, (t, i) -> true, m -> {
            int start = m.start();
            while (start < m.end() && !Character.isLetterOrDigit(text.charAt(start))) {
                start++;
            }
            int tldStart = text.lastIndexOf('.', m.end() - 1) + 1;
            boolean domainRunsOn = m.end() + 1 < text.length() && text.charAt(m.end()) == '.'
                    && Character.isLetterOrDigit(text.charAt(m.end() + 1));
            boolean realTld = m.end() - tldStart >= 2 && allLetters(text, tldStart, m.end());
            if ((realTld || domainRunsOn) && text.charAt(start) != '@') {
                out.add(IdentifierType.EMAIL, start, m.end());
            }
        });
    }

    private static void numbers(String text, StartPositions starts, Candidates out) {
        PatternScan.each(TEN_DIGITS, text, starts.numbers, IdentifierFinder::tenDigitsStart, m -> {
            String digits = m.group().replace(" ", "").replace("-", "");
            int ucas = nearest(text, m.start(), "ucas", "personal id", "application number");
            int nhs = nearest(text, m.start(), "nhs", "health");
            if (ucas >= 0 && (nhs < 0 || ucas < nhs)) {
                out.add(IdentifierType.STUDENT_ID, m.start(), m.end());
            } else if (nhs >= 0 || CheckDigits.isNhsNumber(digits)) {
                out.add(IdentifierType.NHS_NUMBER, m.start(), m.end());
            }
        });
        PatternScan.each(LONG_DIGITS, text, starts.numbers, (t, i) -> PatternScan.digitRun(t, i) >= 13, m -> out.add(IdentifierType.STUDENT_ID, m.start(), m.end()));
        PatternScan.each(NINE_DIGITS, text, starts.numbers, (t, i) -> PatternScan.digitRun(t, i) == 9, m -> {
            if (nearest(text, m.start(), "passport") >= 0) {
                out.add(IdentifierType.PASSPORT, m.start(), m.end());
            }
        });
    }

    /**
     * Distance back from {@code at} to the nearest context word in the few words before it, within the same
     * sentence, or -1 if none.
     */
    static int nearest(String text, int at, String... words) {
        int from = Math.max(0, at - CONTEXT_BEFORE);
        for (int i = at - 1; i > from; i--) {
            char c = text.charAt(i);
            boolean sentenceEnd = (c == '.' || c == '!' || c == '?') && i + 2 < at && Character.isWhitespace(text.charAt(i + 1))
                    && Character.isUpperCase(text.charAt(i + 2));
            if (sentenceEnd || c == '\n') {
                from = i;
                break;
            }
        }
        String before = text.substring(from, at).toLowerCase(Locale.ROOT);
        int best = -1;
        for (String word : words) {
            int index = before.lastIndexOf(word);
            if (index >= 0 && (best < 0 || before.length() - index < best)) {
                best = before.length() - index;
            }
        }
        return best;
    }

    private static final int LICENCE_PREFIX = 5;
    private static final int TEN = 10;

    /** A run of {@code min} to {@code max} digits at {@code i}, then one of {@code next}. */
    static boolean digitsThen(String text, int i, int min, int max, String next) {
        int run = PatternScan.digitRun(text, i);
        return run >= min && run <= max && i + run < text.length() && next.indexOf(text.charAt(i + run)) >= 0;
    }

    /** Ten digits, or three, three and four joined by the same space or hyphen, with no digit after. */
    private static boolean tenDigitsStart(String text, int i) {
        int run = PatternScan.digitRun(text, i);
        if (run == TEN) {
            return true;
        }
        char separator = PatternScan.at(text, i + 3);
        return run == 3 && (separator == ' ' || separator == '-') && PatternScan.digitRun(text, i + 4) == 3
                && PatternScan.at(text, i + 7) == separator && PatternScan.digitRun(text, i + 8) == 4;
    }

    /** Five capitals or 9s, then a digit or a space, at a word start. */
    private static boolean licenceStart(String text, int i) {
        if (!PatternScan.wordStart(text, i)) {
            return false;
        }
        for (int j = i; j < i + LICENCE_PREFIX; j++) {
            char c = PatternScan.at(text, j);
            if (!PatternScan.isUpper(c) && c != '9') {
                return false;
            }
        }
        return true;
    }

    /** "GIR", or one or two capitals then a digit, at a word start. */
    private static boolean postcodeStart(String text, int i) {
        if (!PatternScan.isUpper(text.charAt(i)) || !PatternScan.wordStart(text, i)) {
            return false;
        }
        char second = PatternScan.at(text, i + 1);
        return PatternScan.isDigit(second) || PatternScan.isUpper(second) && PatternScan.isDigit(PatternScan.at(text, i + 2))
                || text.startsWith("GIR", i);
    }

    /** One or two lower-case letters then a digit, at a word start. */
    private static boolean lowerCasePostcodeStart(String text, int i) {
        if (!PatternScan.isLower(text.charAt(i)) || !PatternScan.wordStart(text, i)) {
            return false;
        }
        char second = PatternScan.at(text, i + 1);
        return PatternScan.isDigit(second) || PatternScan.isLower(second) && PatternScan.isDigit(PatternScan.at(text, i + 2));
    }

    private static boolean allLetters(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The licence's surname part, [A-Z9]{5}, is all 9s: it has no letter. */
    private static boolean allNines(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isPostcode(String area, String districtSuffix, String inward) {
        if ("QVX".indexOf(area.charAt(0)) >= 0 || (area.length() == 2 && "IJZ".indexOf(area.charAt(1)) >= 0)) {
            return false;
        }
        if (!districtSuffix.isEmpty() && Character.isLetter(districtSuffix.charAt(0))
                && (area.length() == 1 ? "ABCDEFGHJKPSTUW" : "ABEHMNPRVWXY").indexOf(districtSuffix.charAt(0)) < 0) {
            return false;
        }
        for (int i = 0; i < inward.length(); i++) {
            if ("CIKMOV".indexOf(inward.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String candidate) {
        int doubleColon = candidate.indexOf("::");
        if (doubleColon >= 0 && candidate.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = candidate.split(":", -1);
        int filled = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.isEmpty()) {
                boolean partOfDoubleColon = doubleColon >= 0;
                if (!partOfDoubleColon) {
                    return false;
                }
                continue;
            }
            if (group.length() > 4) {
                return false;
            }
            filled++;
        }
        return doubleColon >= 0 ? filled >= 1 && filled <= 7 && groups.length - 1 >= 2 : filled == 8;
    }

    /** Candidates found so far; overlaps are settled by {@link TextScrubber}. */
    interface Candidates {
        void add(IdentifierType type, int start, int end);
    }
}
