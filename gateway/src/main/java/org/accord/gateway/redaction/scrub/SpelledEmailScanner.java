package org.accord.gateway.redaction.scrub;

import java.util.Locale;
import java.util.Set;

/**
 * Finds e-mail addresses written to dodge a pattern: "name dot surname at gmail dot com",
 * "name [at] outlook [dot] com", "name(at)protonmail.com", "name @ gmail.com". The at is a bracketed "at" or "@",
 * a spaced "@", or the word "at"; the domain's labels are joined by "dot" (spaced or bracketed), "[.]" or ".", and
 * end in a known top-level domain. With the bare word "at" the domain must spell its dots out or be a known mail
 * provider, and the word before "at" must not be one that usually comes before "at" ("was at", "him at"). Each
 * "at" is looked at a bounded distance either side, so the scan is linear in the text length.
 */
final class SpelledEmailScanner {

    private static final int MAX_LABEL = 63;
    private static final int MAX_LABELS = 5;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LOCAL_PARTS = 4;
    private static final String[] BRACKETED_AT = {"[at]", "(at)", "{at}", "<at>", "[@]", "(@)", "{@}"};
    private static final String[] BRACKETED_DOT = {"[dot]", "(dot)", "{dot}", "<dot>", "[.]", "(.)", "{.}"};
    private static final String[] SPELLED_JOINERS = {"dot", "underscore", "dash", "hyphen"};
    private static final Set<String> TOP_LEVEL = Set.of("com", "net", "org", "uk", "co", "io", "me", "info", "biz", "edu",
            "gov", "ac", "de", "fr", "pl", "tr", "ng", "gh", "za", "in", "pk", "vn", "ie", "ru", "app", "dev", "xyz", "eu",
            "us", "ca", "au", "nz", "ch", "nl", "es", "it", "pt", "br", "online", "site", "email", "mail", "ro", "lt", "al",
            "so", "bd", "lk", "cn", "hk", "sg", "my", "ke", "ug", "tz", "zw", "ua", "cz", "sk", "hu", "gr", "cy", "ae", "sa");
    private static final Set<String> PROVIDERS = Set.of("gmail", "googlemail", "hotmail", "outlook", "live", "yahoo",
            "icloud", "me", "protonmail", "proton", "pm", "aol", "gmx", "yandex", "mail", "btinternet", "sky",
            "virginmedia", "talktalk", "tutanota", "tuta", "zoho", "msn", "ymail", "rocketmail", "email", "inbox", "qq",
            "163", "wp", "onet", "interia", "o2");
    private static final Set<String> BEFORE_AT = Set.of("was", "were", "is", "are", "be", "been", "being", "him", "her",
            "me", "us", "them", "it", "you", "email", "emailed", "emails", "mail", "contact", "contacted", "reach", "reached",
            "work", "works", "worked", "working", "live", "lives", "lived", "living", "stay", "stays", "stayed", "staying",
            "based", "meet", "met", "meeting", "arrived", "arrive", "available", "there", "here", "out", "home", "seen",
            "look", "looked", "looking", "started", "studying", "study", "studies", "staff", "someone", "anyone", "and",
            "or", "but", "not", "only", "still", "also", "posts", "post", "posted", "message", "messaged", "text", "texted",
            "writes", "wrote", "sign", "signed", "go", "went", "goes", "left", "leave", "stop", "stopped", "him/her");

    private SpelledEmailScanner() {
    }

    static void find(String text, IdentifierFinder.Candidates out) {
        String lower = text.toLowerCase(Locale.ROOT);
        int n = text.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = lower.charAt(i);
            if (i < from || c != 'a' && c != '[' && c != '(' && c != '{' && c != '<' && c != '@') {
                continue;
            }
            int markerEnd = -1;
            boolean bare = false;
            if (c != 'a') {
                for (String marker : BRACKETED_AT) {
                    if (lower.startsWith(marker, i)) {
                        markerEnd = i + marker.length();
                    }
                }
            }
            if (markerEnd < 0 && c == '@' && i > 0 && lower.charAt(i - 1) == ' ' && i + 1 < n && lower.charAt(i + 1) == ' ') {
                markerEnd = i + 1;
            }
            if (markerEnd < 0 && lower.startsWith("at ", i) && i > 0 && lower.charAt(i - 1) == ' ') {
                markerEnd = i + 2;
                bare = true;
            }
            if (markerEnd < 0) {
                continue;
            }
            int localEnd = skipSpaces(lower, i, -1);
            int[] domain = domain(lower, skipSpaces(lower, markerEnd, 1), bare);
            if (domain == null) {
                continue;
            }
            int localStart = localStart(lower, localEnd);
            if (localStart < 0 || bare && BEFORE_AT.contains(lower.substring(wordStart(lower, localEnd), localEnd))) {
                continue;
            }
            out.add(IdentifierType.EMAIL, localStart, domain[0]);
            from = domain[0];
        }
    }

    /**
     * The domain from {@code j}: {end, spelled} where spelled is 1 if a dot was spelled out, or null if there is no
     * domain ending in a known top-level domain there.
     */
    private static int[] domain(String lower, int j, boolean bare) {
        int labels = 0;
        boolean spelled = false;
        int end = -1;
        int firstLabelEnd = -1;
        String lastLabel = null;
        while (labels < MAX_LABELS) {
            int labelEnd = label(lower, j);
            if (labelEnd == j) {
                break;
            }
            labels++;
            lastLabel = lower.substring(j, labelEnd);
            if (labels == 1) {
                firstLabelEnd = labelEnd;
            }
            end = labelEnd;
            int next = dot(lower, labelEnd);
            if (next < 0) {
                break;
            }
            spelled |= next - labelEnd > 1;
            j = next;
        }
        if (labels < 2 || !TOP_LEVEL.contains(lastLabel)) {
            return null;
        }
        if (bare && !spelled && !PROVIDERS.contains(lower.substring(firstLabelEnd - labelLength(lower, firstLabelEnd), firstLabelEnd))) {
            return null;
        }
        return new int[] {end, spelled ? 1 : 0};
    }

    private static int labelLength(String lower, int end) {
        int k = end;
        while (k > 0 && isLabelChar(lower.charAt(k - 1))) {
            k--;
        }
        return end - k;
    }

    /** After a dot at {@code j} (" dot ", "[dot]", "[.]", "." before a label character), or -1. */
    private static int dot(String lower, int j) {
        int n = lower.length();
        if (j + 1 < n && lower.charAt(j) == '.' && isLabelChar(lower.charAt(j + 1))) {
            return j + 1;
        }
        int k = skipSpaces(lower, j, 1);
        for (String marker : BRACKETED_DOT) {
            if (lower.startsWith(marker, k)) {
                return skipSpaces(lower, k + marker.length(), 1);
            }
        }
        if (k > j && lower.startsWith("dot ", k)) {
            return skipSpaces(lower, k + 3, 1);
        }
        if (k > j && k < n && lower.charAt(k) == '.' && k + 1 < n && lower.charAt(k + 1) == ' ') {
            return skipSpaces(lower, k + 1, 1);
        }
        return -1;
    }

    private static int label(String lower, int j) {
        int k = j;
        while (k < lower.length() && k - j < MAX_LABEL && isLabelChar(lower.charAt(k))) {
            k++;
        }
        return k;
    }

    /** The start of the local part that ends at {@code end}, running back over parts joined by dots; -1 if none. */
    private static int localStart(String lower, int end) {
        int start = -1;
        int j = end;
        for (int part = 0; part < MAX_LOCAL_PARTS; part++) {
            int k = j;
            while (k > 0 && j - k < MAX_LOCAL && isLocalChar(lower.charAt(k - 1))) {
                k--;
            }
            while (k < j && !Character.isLetterOrDigit(lower.charAt(k))) {
                k++;
            }
            if (k == j) {
                break;
            }
            start = k;
            int before = spelledDotBefore(lower, k);
            if (before < 0) {
                break;
            }
            j = before;
        }
        return start;
    }

    /** The end of the part before a spelled joiner that ends at {@code k} (" dot ", " underscore ", "[dot]", "[.]"), or -1. */
    private static int spelledDotBefore(String lower, int k) {
        int j = skipSpaces(lower, k, -1);
        for (String marker : BRACKETED_DOT) {
            if (j >= marker.length() && lower.startsWith(marker, j - marker.length())) {
                return skipSpaces(lower, j - marker.length(), -1);
            }
        }
        for (String spelled : SPELLED_JOINERS) {
            int at = j - spelled.length();
            if (j < k && at >= 1 && lower.startsWith(spelled, at) && lower.charAt(at - 1) == ' ') {
                int before = skipSpaces(lower, at, -1);
                return before < at ? before : -1;
            }
        }
        return -1;
    }

    private static int wordStart(String lower, int end) {
        int k = end;
        while (k > 0 && isLocalChar(lower.charAt(k - 1))) {
            k--;
        }
        return k;
    }

    private static int skipSpaces(String lower, int j, int direction) {
        int k = j;
        if (direction > 0) {
            while (k < lower.length() && k - j < 3 && lower.charAt(k) == ' ') {
                k++;
            }
        } else {
            while (k > 0 && j - k < 3 && lower.charAt(k - 1) == ' ') {
                k--;
            }
        }
        return k;
    }

    private static boolean isLabelChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }

    private static boolean isLocalChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
