package org.accord.gateway.redaction.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the scrubber on {@code diverse-narratives.txt}: third parties' names of many origins, names that are
 * also ordinary words, and identifiers written to dodge a pattern, with near-misses built from the same words.
 * A label counts as removed when every letter and digit of it (less a leading title such as "Dr") lies in some
 * finding, of any type; a near-miss counts as kept when no finding touches it. Every mention of a labelled name
 * is labelled: a capitalised word of a name label is labelled again wherever else it stands as a word, outside
 * near-misses. Names the record gives (the subject's) are found from the record and are not counted. Writes the figures to {@code target/diverse-figures.txt} and every miss, in context, to
 * {@code target/diverse-misses.txt}; fails below the floors.
 */
class DiverseNarrativesCorpusTests {

    static final Path CORPUS = Path.of("src/test/resources/redaction/corpus/diverse-narratives.txt");
    static final Path FIGURES = Path.of("target/diverse-figures.txt");
    static final Path MISSES = Path.of("target/diverse-misses.txt");
    static final double NAME_FLOOR = 0.97;
    static final double EVASIVE_FLOOR = 0.97;
    static final double NEAR_MISS_FLOOR = 0.98;
    static final Set<IdentifierType> EVASIVE = EnumSet.of(IdentifierType.EMAIL, IdentifierType.HANDLE, IdentifierType.URL,
            IdentifierType.PHONE, IdentifierType.NI_NUMBER);
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "imam", "sheikh",
            "sgt", "ds", "dc", "pc", "inspector", "security", "officer", "rev", "pastor", "father", "sister", "cllr", "councillor");
    static final Pattern LABEL = Pattern.compile("\\[\\[([A-Z-]+):(.+?)\\]\\]|\\{\\{(.+?)\\}\\}");
    static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'\u2019-]*[\\p{L}]");

    static final TextScrubber scrubber = TextScrubber.withDefaults();
    static List<Labelled> corpus;
    static int names;
    static int namesRemoved;
    static int evasive;
    static int evasiveRemoved;
    static int nearMisses;
    static int nearMissesKept;
    static int nameFindingsOutsideLabels;

    record Span(IdentifierType type, int start, int end) {
    }

    record Labelled(String id, List<String> knownNames, String text, List<Span> labels, List<Span> nearMisses) {
    }

    @BeforeAll
    static void measure() throws IOException {
        corpus = read(CORPUS);
        StringBuilder misses = new StringBuilder("Diverse corpus: labels not removed (-), near-misses touched (!)\n");
        for (Labelled narrative : corpus) {
            ScrubResult result = scrubber.scrub(narrative.text(), new ScrubProfile(narrative.knownNames(), true, Optional.empty()));
            BitSet covered = new BitSet();
            for (Finding f : result.findings()) {
                covered.set(f.start(), f.end());
            }
            for (Span label : narrative.labels()) {
                boolean removed = removed(narrative.text(), label, covered);
                if (label.type() == IdentifierType.NAME) {
                    names++;
                    namesRemoved += removed ? 1 : 0;
                } else if (EVASIVE.contains(label.type())) {
                    evasive++;
                    evasiveRemoved += removed ? 1 : 0;
                }
                if (!removed) {
                    misses.append(describe('-', narrative, label.type().label(), label.start(), label.end()));
                }
            }
            for (Span near : narrative.nearMisses()) {
                nearMisses++;
                boolean kept = covered.nextSetBit(near.start()) < 0 || covered.nextSetBit(near.start()) >= near.end();
                nearMissesKept += kept ? 1 : 0;
                if (!kept) {
                    misses.append(describe('!', narrative, "NEAR-MISS", near.start(), near.end()));
                }
            }
            for (Finding f : result.findings()) {
                boolean inLabel = narrative.labels().stream().anyMatch(l -> l.start() < f.end() && f.start() < l.end());
                String found = narrative.text().substring(f.start(), f.end());
                boolean recordName = narrative.knownNames().stream().anyMatch(name -> name.contains(found));
                if (f.type() == IdentifierType.NAME && !inLabel && !recordName) {
                    nameFindingsOutsideLabels++;
                    misses.append(describe('+', narrative, "NAME", f.start(), f.end()));
                }
            }
        }
        String figures = String.format(Locale.ROOT, "Diverse corpus, %d narratives%n"
                        + "names removed            %4d of %4d  %.3f (floor %.2f)%n"
                        + "evasive ids removed      %4d of %4d  %.3f (floor %.2f)%n"
                        + "near-misses kept         %4d of %4d  %.3f (floor %.2f)%n"
                        + "name findings outside any label: %d%n",
                corpus.size(), namesRemoved, names, ratio(namesRemoved, names), NAME_FLOOR, evasiveRemoved, evasive,
                ratio(evasiveRemoved, evasive), EVASIVE_FLOOR, nearMissesKept, nearMisses, ratio(nearMissesKept, nearMisses),
                NEAR_MISS_FLOOR, nameFindingsOutsideLabels);
        System.out.println(figures);
        Files.createDirectories(FIGURES.getParent());
        Files.writeString(FIGURES, figures, StandardCharsets.UTF_8);
        Files.writeString(MISSES, misses, StandardCharsets.UTF_8);
    }

    @Test
    void whenCorpusIsReadThenItHoldsAtLeast200NarrativesWithEveryCategory() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        Set<IdentifierType> types = EnumSet.noneOf(IdentifierType.class);
        corpus.forEach(n -> n.labels().forEach(l -> types.add(l.type())));
        assertThat(types).containsAll(EVASIVE).contains(IdentifierType.NAME);
        assertThat(nearMisses).isGreaterThanOrEqualTo(50);
        assertThat(names).isGreaterThanOrEqualTo(300);
        assertThat(evasive).isGreaterThanOrEqualTo(100);
    }

    @Test
    void whenCorpusIsScrubbedThenNamesOfEveryOriginAreRemoved() {
        assertThat(ratio(namesRemoved, names)).as("names removed; misses in " + MISSES).isGreaterThanOrEqualTo(NAME_FLOOR);
    }

    @Test
    void whenCorpusIsScrubbedThenEvasiveIdentifiersAreRemoved() {
        assertThat(ratio(evasiveRemoved, evasive)).as("evasive identifiers removed; misses in " + MISSES)
                .isGreaterThanOrEqualTo(EVASIVE_FLOOR);
    }

    @Test
    void whenCorpusIsScrubbedThenNearMissesAreKept() {
        assertThat(ratio(nearMissesKept, nearMisses)).as("near-misses kept; touched in " + MISSES)
                .isGreaterThanOrEqualTo(NEAR_MISS_FLOOR);
    }

    static boolean removed(String text, Span label, BitSet covered) {
        for (int i = label.start(); i < label.end(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i)) && !covered.get(i)) {
                return false;
            }
        }
        return true;
    }

    static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    static String describe(char sign, Labelled n, String type, int start, int end) {
        String text = n.text();
        return String.format(Locale.ROOT, "%c %s %s: ...%s[[%s]]%s...%n", sign, n.id(), type,
                text.substring(Math.max(0, start - 30), start), text.substring(start, end),
                text.substring(end, Math.min(text.length(), end + 20)));
    }

    static List<Labelled> read(Path file) throws IOException {
        List<Labelled> narratives = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            List<String> known = new ArrayList<>();
            for (String name : parts[1].split(";")) {
                if (!name.isBlank()) {
                    known.add(name.strip());
                }
            }
            narratives.add(parse(parts[0].strip(), known, parts[2].strip()));
        }
        return narratives;
    }

    static Labelled parse(String id, List<String> known, String marked) {
        StringBuilder text = new StringBuilder();
        List<Span> labels = new ArrayList<>();
        List<Span> near = new ArrayList<>();
        Matcher m = LABEL.matcher(marked);
        int at = 0;
        while (m.find()) {
            text.append(marked, at, m.start());
            int start = text.length();
            if (m.group(1) != null) {
                text.append(m.group(2));
                labels.add(withoutTitle(text, new Span(IdentifierType.fromLabel(m.group(1)), start, text.length())));
            } else {
                text.append(m.group(3));
                near.add(new Span(null, start, text.length()));
            }
            at = m.end();
        }
        text.append(marked.substring(at));
        labelEveryMention(text.toString(), labels, near);
        return new Labelled(id, known, text.toString(), labels, near);
    }

    static Span withoutTitle(CharSequence text, Span label) {
        if (label.type() != IdentifierType.NAME) {
            return label;
        }
        int start = label.start();
        while (true) {
            int space = indexOf(text, ' ', start, label.end());
            if (space < 0 || !TITLES.contains(text.subSequence(start, space).toString().replace(".", "").toLowerCase(Locale.ROOT))) {
                return new Span(label.type(), start, label.end());
            }
            start = space + 1;
        }
    }

    static int indexOf(CharSequence text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** A capitalised word of a name label, standing as a word anywhere outside labels and near-misses, is a name too. */
    static void labelEveryMention(String text, List<Span> labels, List<Span> near) {
        List<String> nameWords = new ArrayList<>();
        for (Span label : labels) {
            if (label.type() == IdentifierType.NAME) {
                Matcher w = WORD.matcher(text).region(label.start(), label.end());
                while (w.find()) {
                    if (Character.isUpperCase(w.group().charAt(0))) {
                        nameWords.add(w.group());
                    }
                }
            }
        }
        Matcher w = WORD.matcher(text);
        List<Span> more = new ArrayList<>();
        while (w.find()) {
            int start = w.start();
            int end = w.end();
            String word = w.group();
            if (word.endsWith("'s") || word.endsWith("\u2019s")) {
                word = word.substring(0, word.length() - 2);
                end -= 2;
            }
            int s = start;
            int e = end;
            boolean outside = labels.stream().noneMatch(l -> l.start() < e && s < l.end())
                    && near.stream().noneMatch(l -> l.start() < e && s < l.end());
            if (outside && nameWords.contains(word)) {
                more.add(new Span(IdentifierType.NAME, start, end));
            }
        }
        labels.addAll(more);
    }
}
