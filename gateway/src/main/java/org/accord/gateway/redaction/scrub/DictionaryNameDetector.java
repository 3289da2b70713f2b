package org.accord.gateway.redaction.scrub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds person names with word lists: a title and a capitalised word ("Mr Patel"); a known forename followed by a
 * capitalised word ("Aisha Khan", "Tom Whitlock"); an unknown capitalised word followed by a known surname
 * mid-sentence; and a known forename alone. A forename that is also an ordinary word ("Grace", "Mark", "Rose")
 * counts only before a known surname ("Grace Obi", not "Mark Scheme"). Words on the not-a-name list (days, months,
 * places, courses, organisations, common sentence openers) never count as names.
 */
public final class DictionaryNameDetector implements PersonNameDetector {

    private static final String RESOURCES = "/org/accord/gateway/redaction/scrub/";

    private final LowerCaseWords forenames;
    private final LowerCaseWords surnames;
    private final LowerCaseWords titles;
    private final LowerCaseWords notNames;
    private final LowerCaseWords ambiguousForenames;

    public DictionaryNameDetector(Set<String> forenames, Set<String> surnames, Set<String> titles, Set<String> notNames,
                                  Set<String> ambiguousForenames) {
        this.forenames = lower(forenames);
        this.surnames = lower(surnames);
        this.titles = lower(titles);
        this.notNames = lower(notNames);
        this.ambiguousForenames = lower(ambiguousForenames);
    }

    /** The shipped lists of common UK forenames and surnames, titles and words that are not names. */
    public static DictionaryNameDetector ukNames() {
        return new DictionaryNameDetector(list("forenames.txt"), list("surnames.txt"), list("titles.txt"),
                list("not-names.txt"), list("ambiguous-forenames.txt"));
    }

    @Override
    public List<Finding> detect(String text, List<Word> words) {
        List<Finding> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Word word = words.get(i);
            int last = -1;
            if (isTitle(word) && i + 1 < words.size() && word.isTitleOf(words.get(i + 1), text)
                    && couldBeName(words.get(i + 1))) {
                i++;
                last = extend(text, words, i);
            } else if (isForename(word)) {
                boolean ambiguous = ambiguousForenames.contains(word);
                boolean pair = i + 1 < words.size() && word.isFollowedBy(words.get(i + 1), text)
                        && (ambiguous ? isSurname(words.get(i + 1)) : couldBeName(words.get(i + 1)));
                if (pair) {
                    last = extend(text, words, i + 1);
                } else if (!ambiguous) {
                    last = i;
                }
            } else if (couldBeName(word) && !word.opensSentence(text) && i + 1 < words.size()
                    && word.isFollowedBy(words.get(i + 1), text) && isSurname(words.get(i + 1))) {
                last = i + 1;
            }
            if (last >= 0) {
                found.add(new Finding(IdentifierType.NAME, words.get(i).start(), words.get(last).end()));
                i = last + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    /** A name that has started at word {@code i} runs on over one more capitalised known surname. */
    private int extend(String text, List<Word> words, int i) {
        if (i + 1 < words.size() && words.get(i).isFollowedBy(words.get(i + 1), text) && isSurname(words.get(i + 1))) {
            return i + 1;
        }
        return i;
    }

    private boolean isTitle(Word word) {
        return Character.isUpperCase(word.charAt(0)) && titles.contains(word);
    }

    private boolean isForename(Word word) {
        return word.isCapitalised() && forenames.contains(word) && !notNames.contains(word);
    }

    private boolean isSurname(Word word) {
        return word.isCapitalised() && surnames.contains(word) && !notNames.contains(word);
    }

    /** Capitalised, and neither a title nor a word on the not-a-name list. */
    public boolean couldBeName(Word word) {
        return word.isCapitalised() && !notNames.contains(word) && !titles.contains(word);
    }

    private static LowerCaseWords lower(Set<String> words) {
        Set<String> lower = new HashSet<>();
        words.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
        return new LowerCaseWords(lower);
    }

    static Set<String> list(String name) {
        InputStream in = DictionaryNameDetector.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IllegalStateException("Missing scrubber word list " + name);
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scrubber word list " + name, e);
        }
        return words;
    }
}
