package org.accord.gateway.redaction.scrub;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The shipped list of lower-case English words ({@code english-words.txt}), loaded once. */
final class EnglishWords {

    static final Set<String> LIST = DictionaryNameDetector.list("english-words.txt");
    static final LowerCaseWords WORDS = lower(LIST);

    private EnglishWords() {
    }

    private static LowerCaseWords lower(Set<String> words) {
        Set<String> lower = new HashSet<>();
        words.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
        return new LowerCaseWords(lower);
    }
}
