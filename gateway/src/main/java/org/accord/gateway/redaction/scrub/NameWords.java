package org.accord.gateway.redaction.scrub;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** {@link DictionaryNameDetector.NameLists} made ready for look-up in any case, with the questions asked of a word. */
final class NameWords {

    final LowerCaseWords forenames;
    final LowerCaseWords surnames;
    final LowerCaseWords titles;
    final LowerCaseWords notNames;
    final LowerCaseWords ambiguous;
    final LowerCaseWords world;
    final LowerCaseWords english;
    final LowerCaseWords personBefore;
    final LowerCaseWords personAfter;
    final LowerCaseWords personAfterMidSentence;
    final LowerCaseWords particles;
    final LowerCaseWords namedThings;

    NameWords(DictionaryNameDetector.NameLists lists) {
        forenames = lower(lists.forenames());
        surnames = lower(lists.surnames());
        titles = lower(lists.titles());
        notNames = lower(lists.notNames());
        ambiguous = lower(lists.ambiguousForenames());
        world = lower(lists.worldNames());
        english = lower(lists.englishWords());
        personBefore = lower(lists.personBefore());
        personAfter = lower(lists.personAfter());
        personAfterMidSentence = lower(lists.personAfterMidSentence());
        particles = lower(lists.particles());
        namedThings = lower(lists.namedThings());
    }

    boolean isParticle(Word word) {
        return particles.contains(word);
    }

    boolean isEnglish(Word word) {
        return english.contains(word);
    }

    /** On a name list, whole or in a hyphenated part ("Okafor-Reyes", "al-Hassan"). */
    boolean isNameWord(Word word) {
        return anyPart(word, false);
    }

    /**
     * A name on its own: a common UK forename that is not also an ordinary word, or a name word (whole or a
     * hyphenated part) that is not an English word.
     */
    boolean isStrong(Word word) {
        if (ambiguous.contains(word)) {
            return false;
        }
        if (forenames.contains(word)) {
            return true;
        }
        return anyPart(word, true);
    }

    private boolean anyPart(Word word, boolean notEnglish) {
        if (isListed(word, 0, word.length(), notEnglish)) {
            return true;
        }
        int from = 0;
        for (int i = 0; i <= word.length(); i++) {
            if (i == word.length() || word.charAt(i) == '-') {
                if (from > 0 || i < word.length()) {
                    if (i - from >= 2 && !particles.contains(word, from, i) && isListed(word, from, i, notEnglish)) {
                        return true;
                    }
                }
                from = i + 1;
            }
        }
        return false;
    }

    private boolean isListed(Word word, int from, int to, boolean notEnglish) {
        boolean listed = world.contains(word, from, to) || forenames.contains(word, from, to) || surnames.contains(word, from, to);
        return listed && !(notEnglish && english.contains(word, from, to));
    }

    private static LowerCaseWords lower(Set<String> words) {
        Set<String> lower = new HashSet<>();
        words.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
        return new LowerCaseWords(lower);
    }
}
