package org.accord.gateway.redaction.scrub;

import java.util.Set;

/** Format rules and check digits of UK identifiers, public so the test corpus can make valid ones. */
public final class CheckDigits {

    private static final Set<String> NI_FORBIDDEN_PREFIXES = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
    private static final String PNC_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY";

    private CheckDigits() {
    }

    /** NHS number: ten digits, the last a modulus 11 check digit over weights 10..2 (a remainder giving 10 is invalid). */
    public static boolean isNhsNumber(CharSequence tenDigits) {
        if (tenDigits.length() != 10) {
            return false;
        }
        int expected = nhsCheckDigit(tenDigits.subSequence(0, 9));
        return expected >= 0 && expected == tenDigits.charAt(9) - '0';
    }

    /** The NHS check digit for nine digits, or -1 if no valid check digit exists. */
    public static int nhsCheckDigit(CharSequence nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    /** National Insurance prefix: first letter not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V; not an unused pair. */
    public static boolean isNiPrefix(char first, char second) {
        return "DFIQUV".indexOf(first) < 0 && "DFIOQUV".indexOf(second) < 0
                && Character.isUpperCase(first) && Character.isUpperCase(second)
                && !NI_FORBIDDEN_PREFIXES.contains("" + first + second);
    }

    /** The check letter of a Police National Computer reference: (two-digit year × 10^7 + serial) mod 23. */
    public static char pncCheckLetter(int year, int serial) {
        long value = (year % 100) * 10_000_000L + serial;
        return PNC_LETTERS.charAt((int) (value % 23));
    }
}
