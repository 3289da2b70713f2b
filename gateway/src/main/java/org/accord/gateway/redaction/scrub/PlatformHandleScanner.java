package org.accord.gateway.redaction.scrub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds social-media handles given without an {@code @}: after a platform or a word such as "username"
 * ("his insta is jay_k04", "Telegram username darkfox99", "Snapchat: ghost.rider") and before one ("posts as
 * northside_lad on TikTok"). A handle there is a token of letters, digits, '_' and '.', that has a digit, '_', '.' or
 * a capital inside, or was quoted, or is not an English word; "his insta is private" is left alone. Tokens are
 * found in one pass and each is looked at a bounded distance either side, so the scan is linear in the text length.
 */
final class PlatformHandleScanner {

    private static final int MAX_HANDLE = 30;
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("[a-z]?[0-9]{1,8}+");
    private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile(
            "(?i)[0-9]{1,6}+(?:am|pm|st|nd|rd|th|s|k|m|km|kg|g|mg|ml|mb|gb|p|x|hrs?|mins?|h)|[a-z]{1,3}[0-9]{1,4}+");
    private static final int MAX_FILLERS = 3;
    private static final Set<String> PLATFORMS = Set.of("insta", "instagram", "ig", "snap", "snapchat", "sc", "tiktok",
            "twitter", "telegram", "tg", "discord", "kik", "threads", "facebook", "fb", "twitch", "youtube", "reddit",
            "steam", "xbox", "psn", "whatsapp", "roblox", "bluesky", "onlyfans", "linkedin", "tumblr", "pinterest",
            "wechat", "vk", "signal", "x", "tinder", "hinge", "bumble", "grindr", "skype", "zoom", "teams", "minecraft",
            "fortnite", "playstation", "gab", "rumble", "parler", "mastodon", "truth", "imo", "viber", "line");
    private static final Set<String> NAMING = Set.of("username", "usernames", "handle", "handles", "gamertag", "screenname",
            "user", "nickname", "alias", "profile", "account", "admin");
    private static final Set<String> FILLERS = Set.of("username", "user", "name", "handle", "account", "acc", "id", "tag",
            "profile", "page", "is", "was", "called", "named", "as", "under", "its", "it's", "now", "gamertag", "nickname",
            "alias", "screenname", "s", "being", "of", "by");
    /** Words after which only a token shaped like a handle is taken: "calls himself x_y", "goes by x_y". */
    private static final Set<String> SHAPED_ONLY = Set.of("himself", "herself", "themselves", "by");
    private static final Set<String> TRIGGERS = union(PLATFORMS, NAMING, SHAPED_ONLY);
    private static final int[] TRIGGER_HASHES = TRIGGERS.stream().mapToInt(String::hashCode).sorted().toArray();
    private static final int LONGEST_TRIGGER = TRIGGERS.stream().mapToInt(String::length).max().orElse(0);
    /** How many tokens after a platform or "username" a token shaped like a handle is still taken for one. */
    private static final int WINDOW = 8;
    /** After one of these, a plain word needs a handle's shape: it is often just a word ("the account was closed"). */
    private static final Set<String> WEAK = Set.of("account", "profile", "user", "alias", "nickname", "admin");

    private PlatformHandleScanner() {
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    static void find(String text, LowerCaseWords english, IdentifierFinder.Candidates out) {
        List<int[]> tokens = tokens(text);
        int taken = -1;
        for (int t = 0; t < tokens.size(); t++) {
            if (t > taken && tokens.get(t)[2] != 0 && underscored(text, tokens.get(t), english)) {
                out.add(IdentifierType.HANDLE, tokens.get(t)[0], tokens.get(t)[1]);
                taken = t;
                continue;
            }
            int tag = tokens.get(t)[1] < text.length() && text.charAt(tokens.get(t)[1]) == '#' ? discordTag(text, tokens.get(t)) : -1;
            if (t > taken && tag > 0) {
                out.add(IdentifierType.HANDLE, tokens.get(t)[0], tag);
                taken = t + 1;
                continue;
            }
            if (!isTrigger(text, tokens.get(t))) {
                continue;
            }
            String word = lower(text, tokens.get(t));
            boolean plainPlatform = PLATFORMS.contains(word)
                    && (isUpper(text, tokens.get(t)) || word.length() >= 2 && !english.contains(word));
            boolean platform = plainPlatform || PLATFORMS.contains(word) && t + 1 < tokens.size()
                    && FILLERS.contains(String.valueOf(lower(text, tokens.get(t + 1))));
            boolean shapedOnly = SHAPED_ONLY.contains(word);
            if (!platform && !NAMING.contains(word) && !shapedOnly) {
                continue;
            }
            boolean weak = !platform && WEAK.contains(word) || shapedOnly;
            int c = t + 1;
            int fillers = 0;
            boolean filled = false;
            while (c < tokens.size() && fillers < MAX_FILLERS && joined(text, tokens.get(c - 1), tokens.get(c))) {
                String next = lower(text, tokens.get(c));
                if (next == null || !FILLERS.contains(next)) {
                    break;
                }
                filled = true;
                weak &= !NAMING.contains(next) || WEAK.contains(next);
                c++;
                fillers++;
            }
            filled |= c == t + 1 && c < tokens.size() && colonBetween(text, tokens.get(t), tokens.get(c));
            if (platform && t >= 2 && onOrVia(text, tokens, t)) {
                int h = t - 2;
                String before = h > 0 ? lower(text, tokens.get(h - 1)) : null;
                boolean named = before != null && joined(text, tokens.get(h - 1), tokens.get(h))
                        && (before.equals("as") || before.equals("called") || before.equals("name") || NAMING.contains(before));
                if (h > taken && isHandle(text, tokens.get(h), english, named) && (named || shaped(text, tokens.get(h)))) {
                    out.add(IdentifierType.HANDLE, tokens.get(h)[0], tokens.get(h)[1]);
                    taken = h;
                }
            }
            if (c < tokens.size() && c > taken && joined(text, tokens.get(c - 1), tokens.get(c))
                    && isHandle(text, tokens.get(c), english, filled && !weak || !platform && !weak)) {
                out.add(IdentifierType.HANDLE, tokens.get(c)[0], tokens.get(c)[1]);
                taken = c;
            } else if (!shapedOnly) {
                taken = shapedInWindow(text, tokens, t, taken, out);
            }
        }
    }

    /** A token shaped like a handle within a few tokens after {@code t}, in the same sentence ("handle given: x_y"). */
    private static int shapedInWindow(String text, List<int[]> tokens, int t, int taken, IdentifierFinder.Candidates out) {
        for (int c = t + 1; c < Math.min(tokens.size(), t + 1 + WINDOW); c++) {
            if (sentenceEnds(text, tokens.get(c - 1)[1], tokens.get(c)[0])) {
                return taken;
            }
            if (c > taken && shaped(text, tokens.get(c)) && isHandle(text, tokens.get(c), null, false)) {
                out.add(IdentifierType.HANDLE, tokens.get(c)[0], tokens.get(c)[1]);
                return c;
            }
        }
        return taken;
    }

    private static boolean sentenceEnds(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';') {
                return true;
            }
        }
        return false;
    }

    /**
     * Shaped like a handle: letters with '_' or an inner '.', an inner capital after a lower-case letter, or letters
     * and digits together (not a time, an ordinal or a quantity such as "2pm", "3rd", "10kg").
     */
    private static boolean shaped(String text, int[] token) {
        boolean letters = false;
        boolean digits = false;
        boolean marks = false;
        boolean camel = false;
        for (int i = token[0]; i < token[1]; i++) {
            char c = text.charAt(i);
            letters |= Character.isLetter(c);
            digits |= c >= '0' && c <= '9';
            marks |= c == '_' || c == '.';
            camel |= i > token[0] && Character.isUpperCase(c) && Character.isLowerCase(text.charAt(i - 1));
        }
        if (!letters) {
            return false;
        }
        if (marks || camel) {
            return true;
        }
        return digits && !QUANTITY.matcher(text.subSequence(token[0], token[1])).matches();
    }

    /**
     * Letters joined by '_' ("brother_yusuf_01"): a username wherever it stands, unless part of an address or made
     * only of English words and numbers ("essay_final_v2", a file name).
     */
    private static boolean underscored(String text, int[] token, LowerCaseWords english) {
        if (length(token) < 4 || length(token) > MAX_HANDLE || token[0] > 0 && "@/.".indexOf(text.charAt(token[0] - 1)) >= 0
                || token[1] < text.length() && (text.charAt(token[1]) == '@' || text.charAt(token[1]) == '/')) {
            return false;
        }
        boolean joined = false;
        for (int i = token[0] + 1; i < token[1] - 1; i++) {
            joined |= text.charAt(i) == '_' && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
        }
        if (!joined) {
            return false;
        }
        for (String part : text.substring(token[0], token[1]).toLowerCase(Locale.ROOT).split("[_.]")) {
            if (part.length() > 2 && !english.contains(part) && !VERSION.matcher(part).matches()) {
                return true;
            }
        }
        return false;
    }

    /** "X on P" or "X via P": the token before the platform is "on" or "via", joined by spaces. */
    private static boolean onOrVia(String text, List<int[]> tokens, int t) {
        String word = lower(text, tokens.get(t - 1));
        return ("on".equals(word) || "via".equals(word)) && joined(text, tokens.get(t - 1), tokens.get(t))
                && joined(text, tokens.get(t - 2), tokens.get(t - 1));
    }

    private static boolean isHandle(String text, int[] token, LowerCaseWords english, boolean plainWordAllowed) {
        if (english == null) {
            return shaped(text, token) && length(token) >= 3 && length(token) <= MAX_HANDLE
                    && !PLATFORMS.contains(text.substring(token[0], token[1]).toLowerCase(Locale.ROOT));
        }
        int length = token[1] - token[0];
        if (length < 2 || length > MAX_HANDLE) {
            return false;
        }
        boolean shaped = false;
        boolean letter = false;
        for (int i = token[0]; i < token[1]; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.')) {
                return false;
            }
            letter |= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            shaped |= c >= '0' && c <= '9' || c == '_' || c == '.' || i > token[0] && c >= 'A' && c <= 'Z';
        }
        String word = text.substring(token[0], token[1]).toLowerCase(Locale.ROOT);
        if (!letter || PLATFORMS.contains(word) || FILLERS.contains(word) || NAMING.contains(word)) {
            return false;
        }
        boolean quoted = token[0] > 0 && "'\"\u2018\u201C".indexOf(text.charAt(token[0] - 1)) >= 0;
        if (shaped || quoted) {
            return true;
        }
        return plainWordAllowed && !english.contains(word);
    }

    /**
     * One of the platforms, naming words or shaped-only words: the token's lower-case hash is looked up first, so
     * most tokens are turned away without a copy or a comparison.
     */
    private static boolean isTrigger(String text, int[] token) {
        int length = length(token);
        if (length > LONGEST_TRIGGER) {
            return false;
        }
        int hash = 0;
        for (int i = token[0]; i < token[1]; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (c >= 128) {
                return false;
            }
            hash = 31 * hash + c;
        }
        if (Arrays.binarySearch(TRIGGER_HASHES, hash) < 0) {
            return false;
        }
        for (String trigger : TRIGGERS) {
            if (trigger.length() == length && text.regionMatches(true, token[0], trigger, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** A name with a Discord discriminator ("Raven#4412"): the end of the tag, or -1. */
    private static int discordTag(String text, int[] token) {
        int hash = token[1];
        if (hash + 5 > text.length() || text.charAt(hash) != '#' || length(token) < 2) {
            return -1;
        }
        for (int i = hash + 1; i <= hash + 4; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return -1;
            }
        }
        return hash + 5 < text.length() && Character.isLetterOrDigit(text.charAt(hash + 5)) ? -1 : hash + 5;
    }

    /** "Snapchat: ghostrider": a colon or '=' after the platform says what follows is the name on it. */
    private static boolean colonBetween(String text, int[] left, int[] right) {
        for (int i = left[1]; i < right[0]; i++) {
            if (text.charAt(i) == ':' || text.charAt(i) == '=') {
                return true;
            }
        }
        return false;
    }

    private static int length(int[] token) {
        return token[1] - token[0];
    }

    /** Only spaces, and at most one of ':', '=', '-', a quote or a comma, lie between two tokens. */
    private static boolean joined(String text, int[] left, int[] right) {
        int gap = right[0] - left[1];
        if (gap < 1 || gap > 4) {
            return false;
        }
        int marks = 0;
        for (int i = left[1]; i < right[0]; i++) {
            char c = text.charAt(i);
            if (c != ' ') {
                if (":=-,'\"\u2018\u2019\u201C\u201D".indexOf(c) < 0 || ++marks > 2) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Tokens of letters, digits, '_' and inner '.' or apostrophe, as {start, end, 1 if it holds an '_' else 0}. */
    private static List<int[]> tokens(String text) {
        List<int[]> tokens = new ArrayList<>(text.length() / 6 + 1);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isTokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int underscore = 0;
            while (i < n && (isTokenChar(text.charAt(i)) || (text.charAt(i) == '.' || text.charAt(i) == '\'')
                    && i + 1 < n && isTokenChar(text.charAt(i + 1)))) {
                underscore |= text.charAt(i) == '_' ? 1 : 0;
                i++;
            }
            tokens.add(new int[] {start, i, underscore});
        }
        return tokens;
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The token in lower case if it is short enough to be a platform or a filler, else null. */
    private static String lower(String text, int[] token) {
        int length = token[1] - token[0];
        return length > 12 ? null : text.substring(token[0], token[1]).toLowerCase(Locale.ROOT);
    }

    private static boolean isUpper(String text, int[] token) {
        return Character.isUpperCase(text.charAt(token[0]));
    }
}
