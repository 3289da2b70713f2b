package org.accord.gateway.redaction.scrub;

import java.util.regex.Pattern;

/**
 * Finds dates written the common UK ways (14/03/2006, 14.03.2006, 2006-03-14, 14 March 2006, 3rd of May,
 * March 14, 2006), checking day and month ranges. A year alone or a month and year is not a date here.
 */
final class DateFinder {

    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![0-9/.-])([0-9]{1,2})([/.-])([0-9]{1,2})\\2([0-9]{4}|[0-9]{2})(?![0-9]|[/.-][0-9])");
    private static final Pattern ISO_DATE = Pattern.compile("(?<![0-9])([12][0-9]{3})-([0-9]{2})-([0-9]{2})(?![0-9])");
    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![A-Za-z0-9])" + "([0-9]{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTH + "(?:,? [0-9]{4})?" + "(?![A-Za-z0-9])");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![A-Za-z0-9])" + MONTH + " ([0-9]{1,2})(?:st|nd|rd|th)?(?:,? [0-9]{4})?" + "(?![A-Za-z0-9])");

    private static final String[] ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"};
    private static final int MONTH_PREFIX = 3;
    private static final int LONGEST_MONTH = "September".length();
    private static final String MONTH_INITIALS = "JFMASOND";
    private static final String[] MONTH_PREFIXES = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private DateFinder() {
    }

    static void find(String text, StartPositions starts, IdentifierFinder.Candidates out) {
        PatternScan.each(NUMERIC_DATE, text, starts.digits, (t, i) -> IdentifierFinder.digitsThen(t, i, 1, 2, "/.-"), m -> {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(3));
            boolean dayMonth = first >= 1 && first <= 31 && second >= 1 && second <= 12;
            boolean monthDay = first >= 1 && first <= 12 && second >= 1 && second <= 31;
            boolean twoDigitYearWithDots = m.group(4).length() == 2 && !m.group(2).equals("/");
            if ((dayMonth || monthDay) && !twoDigitYearWithDots) {
                out.add(IdentifierType.DATE, m.start(), m.end());
            }
        });
        PatternScan.each(ISO_DATE, text, starts.digits, (t, i) -> IdentifierFinder.digitsThen(t, i, 4, 4, "-"), m -> {
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                out.add(IdentifierType.DATE, m.start(), m.end());
            }
        });
        PatternScan.each(DAY_MONTH, text, starts.numbers, DateFinder::dayMonthStart, m -> {
            int day = Integer.parseInt(m.group(1));
            if (day >= 1 && day <= 31) {
                out.add(IdentifierType.DATE, m.start(), m.end());
            }
        });
        PatternScan.each(MONTH_DAY, text, starts.capitals, DateFinder::monthDayStart, m -> {
            int day = Integer.parseInt(m.group(2));
            if (day >= 1 && day <= 31) {
                out.add(IdentifierType.DATE, m.start(), m.end());
            }
        });
    }

    /** One or two digits, perhaps an ordinal suffix, a space, perhaps "of ", then the start of a month name. */
    private static boolean dayMonthStart(String text, int i) {
        int run = PatternScan.digitRun(text, i);
        if (run < 1 || run > 2) {
            return false;
        }
        int j = i + run;
        if (startsWithAny(text, j, ORDINAL_SUFFIXES)) {
            j += 2;
        }
        if (PatternScan.at(text, j) != ' ') {
            return false;
        }
        return monthStart(text, j + 1) || text.startsWith("of ", j + 1) && monthStart(text, j + 4);
    }

    /** The start of a month name, then the rest of the word, a space and a digit. */
    private static boolean monthDayStart(String text, int i) {
        if (!monthStart(text, i)) {
            return false;
        }
        int j = i + MONTH_PREFIX;
        while (j - i < LONGEST_MONTH && PatternScan.isLetter(PatternScan.at(text, j))) {
            j++;
        }
        return PatternScan.at(text, j) == ' ' && PatternScan.isDigit(PatternScan.at(text, j + 1));
    }

    /** Every month name and abbreviation starts with one of the twelve three-letter prefixes. */
    private static boolean monthStart(String text, int i) {
        if (MONTH_INITIALS.indexOf(PatternScan.at(text, i)) < 0) {
            return false;
        }
        return startsWithAny(text, i, MONTH_PREFIXES);
    }

    private static boolean startsWithAny(String text, int i, String[] prefixes) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix, i)) {
                return true;
            }
        }
        return false;
    }
}
