package org.accord.gateway.redaction.scrub;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the record's own names (subject, aliases, carers, contacts, referrer) again in the text, in any case and
 * with possessives, joining adjacent name words into one finding. When other names are detected too, a found name
 * takes in one capitalised word either side that could be a name ("Ramsbottom" in "Ffion Ramsbottom" when only
 * Ffion is on the record). Words such as "team" or "Mr" in a name field are not treated as names.
 */
final class RecordNameFinder {

    private static final Set<String> NOT_NAME_WORDS = DictionaryNameDetector.list("known-name-stopwords.txt");

    private RecordNameFinder() {
    }

    /**
     * @param detector the name detector if other names are to be found too, else {@code null}
     */
    static List<Finding> find(String text, List<Word> words, List<String> knownNames, PersonNameDetector detector) {
        Set<String> knownWords = new HashSet<>();
        for (String name : knownNames) {
            for (Word word : Word.of(name)) {
                addWord(knownWords, word.lower());
                for (String part : word.lower().split("-")) {
                    addWord(knownWords, part);
                }
            }
        }
        List<Finding> found = new ArrayList<>();
        if (knownWords.isEmpty()) {
            return found;
        }
        LowerCaseWords known = new LowerCaseWords(knownWords);
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

    /** The whole word, or one of its hyphen-separated parts, is a known name word. */
    private static boolean isKnown(Word word, LowerCaseWords known) {
        if (isKnownSpan(word, 0, word.length(), known)) {
            return true;
        }
        int from = 0;
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) == '-') {
                if (isKnownSpan(word, from, i, known)) {
                    return true;
                }
                from = i + 1;
            }
        }
        return from > 0 && isKnownSpan(word, from, word.length(), known);
    }

    private static boolean isKnownSpan(Word word, int from, int to, LowerCaseWords known) {
        return to - from >= 2 && known.contains(word, from, to);
    }
}
