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
import java.util.Set;

/**
 * Finds person names of any origin with word lists and the words around them. Capitalised words joined by single
 * spaces (with particles such as "van der", "Ní" or "Ó" inside) form a run; a run is a name when a title comes
 * before it ("Mr Okafor"), when it holds a name word that is not also an English word ("Kwabena", "Wiśniewska"),
 * when it holds two name words ("Faith Banks"), or when the words around it say a person is meant ("my friend
 * Hope", "her cousin Tadhg", "Grace said", "Joy, who"). A name that is also an English word ("Grace", "Mark",
 * "Rose") or a word in no list counts only by a title or such context. A run next to a place word ("Hope
 * Street", "Rose Court") or after an article ("the Mark Scheme") is not a name without a title or context. Every
 * word of a name found is found again everywhere in the text: in any case when it is not an English word,
 * capitalised mid-sentence when it is.
 */
public final class DictionaryNameDetector implements PersonNameDetector {

    private static final String RESOURCES = "/org/accord/gateway/redaction/scrub/";
    private static final int MAX_RUN = 6;
    /** Capitalised words that still mark a person after them ("Dear Faith"); other capitalised ones start a heading. */
    private static final Set<String> GREETINGS = Set.of("dear", "hi", "hello", "hey");
    private static final Set<String> DETERMINERS = Set.of("her", "his", "their", "my", "our", "the", "a", "an", "your");
    /** Things a person has: "Olamide's email", "Tadhg's mum". */
    private static final Set<String> POSSESSED = Set.of("email", "number", "phone", "mobile", "address", "contact",
            "details", "account", "snapchat", "instagram", "insta", "tiktok", "telegram", "whatsapp", "discord", "car",
            "flat", "room", "house", "home", "bag", "laptop", "birthday", "surname", "statement", "parents", "family",
            "behaviour", "messages", "texts", "posts", "profile", "username", "handle", "view", "version");
    private static final LowerCaseWords NONE = new LowerCaseWords(Set.of());
    private static volatile DictionaryNameDetector shipped;

    private final NameWords lists;

    /** A detector on the given lists only, without the lists of names of many origins or of English words. */
    public DictionaryNameDetector(Set<String> forenames, Set<String> surnames, Set<String> titles, Set<String> notNames,
                                  Set<String> ambiguousForenames) {
        this(new NameLists(forenames, surnames, titles, notNames, ambiguousForenames, Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), Set.of(), Set.of()));
    }

    public DictionaryNameDetector(NameLists lists) {
        this.lists = new NameWords(lists);
    }

    /**
     * The shipped lists: common UK forenames and surnames, name words of many origins, titles, English words,
     * words that are never names (days, months, places, courses, organisations) and the words that mark a person.
     * Loaded once: the detector is immutable.
     */
    public static DictionaryNameDetector ukNames() {
        DictionaryNameDetector detector = shipped;
        if (detector == null) {
            Set<String> notNames = new HashSet<>(list("not-names.txt"));
            notNames.addAll(list("places.txt"));
            detector = new DictionaryNameDetector(new NameLists(list("forenames.txt"), list("surnames.txt"),
                    list("titles.txt"), notNames, list("ambiguous-forenames.txt"), list("world-names.txt"),
                    EnglishWords.LIST, list("person-before.txt"), list("person-after.txt"),
                    list("person-after-mid-sentence.txt"), list("name-particles.txt"), list("named-things.txt")));
            shipped = detector;
        }
        return detector;
    }

    @Override
    public List<Finding> detect(String text, List<Word> words) {
        List<Finding> found = new ArrayList<>();
        Set<String> strongWords = new HashSet<>();
        Set<String> weakWords = new HashSet<>();
        Set<String> contextWords = new HashSet<>();
        boolean[] named = new boolean[words.size()];
        int i = 0;
        while (i < words.size()) {
            int end = runEnd(text, words, i);
            if (end < 0) {
                i++;
                continue;
            }
            int first = i;
            int last = end;
            while (last > first && lists.isParticle(words.get(last))) {
                last--;
            }
            if (isName(text, words, first, last)) {
                while (first > 0 && lists.isParticle(words.get(first - 1)) && words.get(first - 1).isFollowedBy(words.get(first), text)
                        && !named[first - 1]) {
                    first--;
                }
                found.add(new Finding(IdentifierType.NAME, words.get(first).start(), words.get(last).end()));
                for (int k = first; k <= last; k++) {
                    named[k] = true;
                    Word word = words.get(k);
                    if (!lists.isParticle(word) && word.length() >= 2) {
                        (lists.notNames.contains(word) ? contextWords : lists.isEnglish(word) || lists.ambiguous.contains(word)
                                ? weakWords : strongWords).add(word.lower());
                    }
                }
            }
            i = end + 1;
        }
        coordinated(text, words, named, found);
        if (!strongWords.isEmpty() || !weakWords.isEmpty() || !contextWords.isEmpty()) {
            findAgain(text, words, named, lookup(strongWords), lookup(weakWords), lookup(contextWords), found);
        }
        return found;
    }

    private static LowerCaseWords lookup(Set<String> lowerCase) {
        return lowerCase.isEmpty() ? NONE : new LowerCaseWords(lowerCase);
    }

    /** The last word of the run of name-like words starting at {@code i}, or -1 if none starts there. */
    private int runEnd(String text, List<Word> words, int i) {
        Word word = words.get(i);
        if (!Character.isUpperCase(word.charAt(0))) {
            return -1;
        }
        boolean particle = lists.isParticle(word);
        boolean context = contextBefore(text, words, i) || i > 0 && isTitle(words.get(i - 1));
        if (!(particle && Character.isUpperCase(word.charAt(0))) && !runnable(word, text, context)) {
            return -1;
        }
        int last = i;
        while (last + 1 < words.size() && last - i + 1 < MAX_RUN && words.get(last).isFollowedBy(words.get(last + 1), text)
                && (lists.isParticle(words.get(last + 1)) || runnable(words.get(last + 1), text, false)
                || context && words.get(last + 1).isCapitalised() && !lists.notNames.contains(words.get(last + 1))
                && !lists.titles.contains(words.get(last + 1)))) {
            last++;
        }
        while (last > i && lists.isParticle(words.get(last))) {
            last--;
        }
        return particle && last == i ? -1 : last;
    }

    /** Capitalised, not a title or a word that is never a name, and a name word or no English word. */
    private boolean runnable(Word word, String text, boolean personContext) {
        if (!word.isCapitalised() || lists.titles.contains(word)) {
            return false;
        }
        if (personContext) {
            return true;
        }
        return !lists.notNames.contains(word) && (lists.isNameWord(word) || !lists.isEnglish(word));
    }

    private boolean isName(String text, List<Word> words, int first, int last) {
        if (first > 0 && isTitle(words.get(first - 1)) && words.get(first - 1).isTitleOf(words.get(first), text)) {
            return true;
        }
        boolean before = contextBefore(text, words, first);
        boolean after = contextAfter(text, words, first, last);
        if (before || after) {
            return true;
        }
        if (followedByPlace(text, words, last) || afterArticle(text, words, first)) {
            return false;
        }
        int nameWords = 0;
        for (int k = first; k <= last; k++) {
            Word word = words.get(k);
            if (lists.isStrong(word)) {
                return true;
            }
            if (lists.isNameWord(word)) {
                nameWords++;
            }
        }
        return nameWords >= 2 || last > first && last - first < 3 && !words.get(first).opensSentence(text)
                && noEnglishWord(words, first, last);
    }

    /** Every word of the run is capitalised and no English word ("Dmytro Kovalenko"): a name, mid-sentence. */
    private boolean noEnglishWord(List<Word> words, int first, int last) {
        for (int k = first; k <= last; k++) {
            if (lists.isEnglish(words.get(k)) || !words.get(k).isCapitalised()) {
                return false;
            }
        }
        return true;
    }

    /** "my friend X", "her cousin X", "housemate X", "a student called X", "Dear X", "his name was X". */
    private boolean contextBefore(String text, List<Word> words, int first) {
        if (first == 0) {
            return false;
        }
        Word previous = words.get(first - 1);
        int gap = words.get(first).start() - previous.end();
        boolean joined = gap == 1 && text.charAt(previous.end()) == ' '
                || gap == 2 && text.startsWith(", ", previous.end()) || gap == 2 && text.startsWith("s ", previous.end());
        if (joined && first >= 2 && (previous.lower().equals("is") || previous.lower().equals("was"))
                && words.get(first - 2).lower().equals("name") && words.get(first - 2).isFollowedBy(previous, text)) {
            return true;
        }
        if (!joined || !lists.personBefore.contains(previous)
                || Character.isUpperCase(previous.charAt(0)) && !GREETINGS.contains(previous.lower())) {
            return false;
        }
        boolean namingWord = "called".equals(previous.lower()) || "named".equals(previous.lower());
        return !namingWord || first < 2 || !lists.namedThings.contains(words.get(first - 2));
    }

    /** "X said", "X, who", "X's boyfriend"; mid-sentence also "X was", "X and". */
    private boolean contextAfter(String text, List<Word> words, int first, int last) {
        if (last + 1 >= words.size()) {
            return false;
        }
        Word end = words.get(last);
        Word next = words.get(last + 1);
        int gap = next.start() - end.end();
        if (gap > 3) {
            return false;
        }
        int at = end.end();
        boolean space = gap == 1 && text.charAt(at) == ' ';
        boolean comma = gap == 2 && text.charAt(at) == ',' && text.charAt(at + 1) == ' ';
        boolean bracket = gap == 2 && text.charAt(at) == ' ' && text.charAt(at + 1) == '(';
        boolean possessive = gap == 3 && (text.charAt(at) == '\'' || text.charAt(at) == '\u2019') && text.charAt(at + 1) == 's'
                && text.charAt(at + 2) == ' ';
        if (possessive && (lists.personBefore.contains(next) || POSSESSED.contains(next.lower()))) {
            return true;
        }
        if ((comma || bracket) && isRelation(words, last + 1)) {
            return true;
        }
        if (!(space || comma)) {
            return false;
        }
        if (lists.personAfter.contains(next)) {
            return true;
        }
        return space && lists.personAfterMidSentence.contains(next) && !words.get(first).opensSentence(text)
                && lists.isNameWord(words.get(first));
    }

    /** A relation or role at word {@code k} ("flatmate"), or after a possessive ("her daughter", "his support worker"). */
    private boolean isRelation(List<Word> words, int k) {
        if (lists.personBefore.contains(words.get(k))) {
            return true;
        }
        String word = words.get(k).lower();
        if (!DETERMINERS.contains(word)) {
            return false;
        }
        for (int j = k + 1; j < Math.min(words.size(), k + 4); j++) {
            if (lists.personBefore.contains(words.get(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A capitalised word joined by "and", "or" or "&" to a name found is a name too ("Kimberly and Destiny"), unless
     * it is a word that is never a name or comes before a place word.
     */
    private void coordinated(String text, List<Word> words, boolean[] named, List<Finding> found) {
        for (int k = 1; k + 1 < words.size(); k++) {
            String joiner = words.get(k).lower();
            if (!(joiner.equals("and") || joiner.equals("or")) || !words.get(k - 1).isFollowedBy(words.get(k), text)
                    || !words.get(k).isFollowedBy(words.get(k + 1), text)) {
                listed(text, words, k, named, found);
                continue;
            }
            int candidate = named[k - 1] && !named[k + 1] ? k + 1 : !named[k - 1] && named[k + 1] ? k - 1 : -1;
            if (candidate < 0) {
                continue;
            }
            Word word = words.get(candidate);
            if (word.isCapitalised() && !lists.notNames.contains(word) && !lists.titles.contains(word)
                    && !followedByPlace(text, words, candidate) && (candidate > k || !word.opensSentence(text)
                    || !lists.isEnglish(word))) {
                named[candidate] = true;
                found.add(new Finding(IdentifierType.NAME, word.start(), word.end()));
            }
        }
    }

    /** "Sinéad, Ewa and Ngozi": a capitalised word that is no English word, joined by a comma to a name found. */
    private void listed(String text, List<Word> words, int k, boolean[] named, List<Finding> found) {
        Word word = words.get(k);
        Word next = words.get(k + 1);
        boolean comma = next.start() - word.end() == 2 && text.startsWith(", ", word.end());
        if (comma && named[k + 1] && !named[k] && word.isCapitalised() && !lists.isEnglish(word)
                && !lists.notNames.contains(word) && !lists.titles.contains(word)) {
            named[k] = true;
            found.add(new Finding(IdentifierType.NAME, word.start(), word.end()));
        }
    }

    private boolean followedByPlace(String text, List<Word> words, int last) {
        return last + 1 < words.size() && words.get(last).isFollowedBy(words.get(last + 1), text)
                && words.get(last + 1).isCapitalised() && lists.notNames.contains(words.get(last + 1));
    }

    private boolean afterArticle(String text, List<Word> words, int first) {
        if (first == 0 || !words.get(first - 1).isFollowedBy(words.get(first), text)) {
            return false;
        }
        String previous = words.get(first - 1).lower();
        return previous.equals("the") || previous.equals("a") || previous.equals("an");
    }

    private void findAgain(String text, List<Word> words, boolean[] named, LowerCaseWords strong, LowerCaseWords weak,
                           LowerCaseWords context, List<Finding> found) {
        for (int k = 0; k < words.size(); k++) {
            if (named[k]) {
                continue;
            }
            Word word = words.get(k);
            boolean again = strong.contains(word) || weak.contains(word) && word.isCapitalised()
                    && (!word.opensSentence(text) || personVerbAfter(text, words, k) || possessive(text, word))
                    && !followedByPlace(text, words, k) && !afterArticle(text, words, k)
                    || context.contains(word) && word.isCapitalised() && (personVerbAfter(text, words, k) || possessive(text, word));
            if (again) {
                int first = k;
                while (first > 0 && lists.isParticle(words.get(first - 1)) && !named[first - 1]
                        && words.get(first - 1).isFollowedBy(words.get(first), text)) {
                    first--;
                }
                found.add(new Finding(IdentifierType.NAME, words.get(first).start(), word.end()));
            }
        }
    }

    /** "Faith's": a possessive of a name found already is the person's. */
    private static boolean possessive(String text, Word word) {
        return word.end() + 1 < text.length() && (text.charAt(word.end()) == '\'' || text.charAt(word.end()) == '\u2019')
                && text.charAt(word.end() + 1) == 's';
    }

    /** "Grace was a witness", "Will said": a verb of a person after the word, but not "Hope is that ...". */
    private boolean personVerbAfter(String text, List<Word> words, int k) {
        if (k + 1 >= words.size() || !words.get(k).isFollowedBy(words.get(k + 1), text)) {
            return false;
        }
        Word next = words.get(k + 1);
        boolean that = k + 2 < words.size() && "that".equals(words.get(k + 2).lower());
        return lists.personAfter.contains(next) || lists.personAfterMidSentence.contains(next) && !that;
    }

    private boolean isTitle(Word word) {
        return Character.isUpperCase(word.charAt(0)) && lists.titles.contains(word);
    }

    /** Capitalised, and neither a title nor a word on the not-a-name list. */
    public boolean couldBeName(Word word) {
        return word.isCapitalised() && !lists.notNames.contains(word) && !lists.titles.contains(word);
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

    /**
     * The word lists a detector works from, each looked up in any case.
     *
     * @param forenames              common UK forenames; one counts alone unless it is also in {@code ambiguousForenames}
     * @param surnames               common UK surnames
     * @param titles                 titles that make the next capitalised word a name ("Mr", "DC")
     * @param notNames               words never taken for names (days, months, places, organisations)
     * @param ambiguousForenames     names that are also ordinary words, which count only in context
     * @param worldNames             name words of many origins
     * @param englishWords           English words: a name word that is one counts only in context
     * @param personBefore           words that make the next capitalised word a person ("friend", "housemate")
     * @param personAfter            words after a name that make it a person ("said", "who")
     * @param personAfterMidSentence words after a capitalised name word mid-sentence that make it a person ("was")
     * @param particles              name particles ("van", "der", "Ní", "Ó", "bin")
     * @param namedThings            things that have names but are not people ("a group called X", "a channel named X")
     */
    public record NameLists(Set<String> forenames, Set<String> surnames, Set<String> titles, Set<String> notNames,
                            Set<String> ambiguousForenames, Set<String> worldNames, Set<String> englishWords,
                            Set<String> personBefore, Set<String> personAfter, Set<String> personAfterMidSentence,
                            Set<String> particles, Set<String> namedThings) {
    }

}
