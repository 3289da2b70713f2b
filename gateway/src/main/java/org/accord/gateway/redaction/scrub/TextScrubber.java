package org.accord.gateway.redaction.scrub;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces personal identifiers in English free text with typed placeholders such as {@code [PHONE]} and
 * {@code [NAME]}, and says where they were. Linear in the text length: pattern scans with bounded quantifiers,
 * hand-written scanners and hash look-ups only. Never logs the text or what it finds. Thread-safe.
 */
public final class TextScrubber {

    /** The default longest text accepted, in characters (64 KiB of UTF-16 code units). */
    public static final int DEFAULT_MAX_CHARS = 64 * 1024;

    private final PersonNameDetector nameDetector;
    private final int maxChars;

    public TextScrubber(PersonNameDetector nameDetector, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("The scrubber's maximum text length must be positive");
        }
        this.nameDetector = nameDetector;
        this.maxChars = maxChars;
    }

    /** The shipped UK name lists and the default maximum length. */
    public static TextScrubber withDefaults() {
        return new TextScrubber(DictionaryNameDetector.ukNames(), DEFAULT_MAX_CHARS);
    }

    /**
     * @throws TextTooLongException if the text is longer than this scrubber's maximum
     */
    public ScrubResult scrub(String text, ScrubProfile profile) {
        if (text.length() > maxChars) {
            throw new TextTooLongException(text.length(), maxChars);
        }
        List<Finding> candidates = new ArrayList<>();
        IdentifierFinder.find(text, profile.studentNumbers().orElse(null),
                (type, start, end) -> candidates.add(new Finding(type, start, end)));
        BitSet taken = new BitSet(text.length());
        List<Finding> kept = new ArrayList<>();
        candidates.sort(Comparator.comparingInt(Finding::length).reversed().thenComparing(Finding::type));
        keep(candidates, taken, kept);
        List<Word> words = Word.of(text);
        List<Finding> names = new ArrayList<>(KnownNames.find(text, words, profile.knownNames(), nameDetector));
        if (profile.detectOtherNames()) {
            names.addAll(nameDetector.detect(text, words));
        }
        names.sort(Comparator.comparingInt(Finding::length).reversed().thenComparingInt(Finding::start));
        keep(names, taken, kept);
        kept.sort(Comparator.naturalOrder());
        return new ScrubResult(replace(text, kept), kept);
    }

    public int maxChars() {
        return maxChars;
    }

    private static void keep(List<Finding> candidates, BitSet taken, List<Finding> kept) {
        for (Finding candidate : candidates) {
            if (isFree(taken, candidate)) {
                taken.set(candidate.start(), candidate.end());
                kept.add(candidate);
            }
        }
    }

    private static boolean isFree(BitSet taken, Finding candidate) {
        for (int i = candidate.start(); i < candidate.end(); i++) {
            if (taken.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static String replace(String text, List<Finding> findings) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding finding : findings) {
            out.append(text, at, finding.start()).append(finding.type().placeholder());
            at = finding.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The record's own names found again in the text, whatever their case. */
    static final class KnownNames {

        private static final Set<String> NOT_NAME_WORDS = DictionaryNameDetector.list("known-name-stopwords.txt");

        private KnownNames() {
        }

        static List<Finding> find(String text, List<Word> words, List<String> knownNames, PersonNameDetector detector) {
            Set<String> known = new HashSet<>();
            for (String name : knownNames) {
                for (Word word : Word.of(name)) {
                    addWord(known, word.lower());
                    for (String part : word.lower().split("-")) {
                        addWord(known, part);
                    }
                }
            }
            List<Finding> found = new ArrayList<>();
            if (known.isEmpty()) {
                return found;
            }
            int i = 0;
            while (i < words.size()) {
                if (!isKnown(words.get(i), known)) {
                    i++;
                    continue;
                }
                int first = i;
                int last = i;
                while (last + 1 < words.size() && words.get(last).isFollowedBy(words.get(last + 1), text)
                        && isKnown(words.get(last + 1), known)) {
                    last++;
                }
                if (detector instanceof DictionaryNameDetector dictionary && words.get(first).isCapitalised()) {
                    if (last + 1 < words.size() && words.get(last).isFollowedBy(words.get(last + 1), text)
                            && dictionary.couldBeName(words.get(last + 1))) {
                        last++;
                    }
                    if (first > 0 && words.get(first - 1).isFollowedBy(words.get(first), text)
                            && dictionary.couldBeName(words.get(first - 1)) && !words.get(first - 1).opensSentence(text)
                            && (found.isEmpty() || found.get(found.size() - 1).end() <= words.get(first - 1).start())) {
                        first--;
                    }
                }
                found.add(new Finding(IdentifierType.NAME, words.get(first).start(), words.get(last).end()));
                i = last + 1;
            }
            return found;
        }

        private static void addWord(Set<String> known, String word) {
            if (word.length() >= 2 && !NOT_NAME_WORDS.contains(word)) {
                known.add(word);
            }
        }

        private static boolean isKnown(Word word, Set<String> known) {
            String lower = word.lower();
            if (known.contains(lower)) {
                return true;
            }
            for (String part : lower.split("-")) {
                if (known.contains(part)) {
                    return true;
                }
            }
            return false;
        }
    }
}
