package org.accord.gateway.redaction.scrub;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces personal identifiers in English free text with typed placeholders such as {@code [PHONE]} and
 * {@code [NAME]}, and says where they were. Linear in the text length: pattern scans with bounded quantifiers,
 * hand-written scanners and hash look-ups only. Never logs the text or what it finds. Thread-safe.
 */
public final class TextScrubber {

    /** The default longest text accepted, in characters (64 KiB of UTF-16 code units). */
    public static final int DEFAULT_MAX_CHARS = 64 * 1024;

    private static final int EXPECTED_NAMES = 16;
    private static final Comparator<Finding> LONGEST_THEN_BY_TYPE =
            Comparator.comparingInt(Finding::length).reversed().thenComparing(Finding::type);
    private static final Comparator<Finding> LONGEST_THEN_FIRST =
            Comparator.comparingInt(Finding::length).reversed().thenComparingInt(Finding::start);

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
        List<Finding> kept = new ArrayList<>(candidates.size() + EXPECTED_NAMES);
        candidates.sort(LONGEST_THEN_BY_TYPE);
        keep(candidates, taken, kept);
        List<Word> words = Word.of(text);
        List<Finding> names = new ArrayList<>(RecordNameFinder.find(text, words, profile.knownNames(),
                profile.detectOtherNames() ? nameDetector : null));
        if (profile.detectOtherNames()) {
            names.addAll(nameDetector.detect(text, words));
        }
        names.sort(LONGEST_THEN_FIRST);
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
}
