package org.accord.gateway.redaction.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the scrubber on the labelled corpus: precision and recall per identifier type, counting a finding as
 * correct only when its type, start and end all equal a label's. Prints the table and writes it to
 * {@code target/scrubber-figures.txt}; fails when a type falls below its floor.
 */
class ScrubberCorpusTests {

    static final Path FIGURES = Path.of("target/scrubber-figures.txt");
    static final Path MISSES = Path.of("target/scrubber-misses.txt");
    static final Map<IdentifierType, double[]> FLOORS = floors();
    static final TextScrubber scrubber = TextScrubber.withDefaults();
    static final Map<IdentifierType, int[]> tally = new EnumMap<>(IdentifierType.class);
    static List<Narrative> corpus;

    /** Precision and recall floors per type: {precision, recall}. */
    static Map<IdentifierType, double[]> floors() {
        Map<IdentifierType, double[]> floors = new EnumMap<>(IdentifierType.class);
        floors.put(IdentifierType.NI_NUMBER, new double[] {0.99, 0.99});
        floors.put(IdentifierType.NHS_NUMBER, new double[] {0.99, 0.99});
        floors.put(IdentifierType.POSTCODE, new double[] {0.99, 0.99});
        floors.put(IdentifierType.PHONE, new double[] {0.99, 0.99});
        floors.put(IdentifierType.EMAIL, new double[] {0.99, 0.99});
        floors.put(IdentifierType.URL, new double[] {0.95, 0.95});
        floors.put(IdentifierType.HANDLE, new double[] {0.95, 0.95});
        floors.put(IdentifierType.IP_ADDRESS, new double[] {0.95, 0.95});
        floors.put(IdentifierType.DATE, new double[] {0.95, 0.95});
        floors.put(IdentifierType.STUDENT_ID, new double[] {0.95, 0.95});
        floors.put(IdentifierType.PNC_ID, new double[] {0.95, 0.95});
        floors.put(IdentifierType.DRIVING_LICENCE, new double[] {0.95, 0.95});
        floors.put(IdentifierType.PASSPORT, new double[] {0.95, 0.95});
        floors.put(IdentifierType.NAME, new double[] {0.90, 0.85});
        return floors;
    }

    @BeforeAll
    static void measure() throws IOException {
        corpus = read(NarrativeCorpusGenerator.CORPUS);
        for (IdentifierType type : IdentifierType.values()) {
            tally.put(type, new int[3]);
        }
        StringBuilder misses = new StringBuilder("Synthetic corpus only: false positives (+) and misses (-), in context\n");
        for (Narrative narrative : corpus) {
            ScrubProfile profile = new ScrubProfile(narrative.knownNames(), true,
                    Optional.of(StudentNumberPattern.compile(narrative.studentNumberPattern())));
            List<Finding> found = scrubber.scrub(narrative.text(), profile).findings();
            Set<Finding> labels = new HashSet<>(narrative.labels());
            for (Finding finding : found) {
                boolean correct = labels.remove(finding);
                tally.get(finding.type())[correct ? 0 : 1]++;
                if (!correct) {
                    misses.append(describe('+', narrative, finding));
                }
            }
            for (Finding missed : labels) {
                tally.get(missed.type())[2]++;
                misses.append(describe('-', narrative, missed));
            }
        }
        String table = table();
        System.out.println(table);
        Files.createDirectories(FIGURES.getParent());
        Files.writeString(FIGURES, table, StandardCharsets.UTF_8);
        Files.writeString(MISSES, misses, StandardCharsets.UTF_8);
    }

    @Test
    void whenCorpusIsRegeneratedThenItEqualsTheCommittedFile() throws IOException {
        assertThat(new NarrativeCorpusGenerator().jsonLines())
                .as("regenerate with NarrativeCorpusGenerator.main after changing the generator")
                .isEqualTo(Files.readString(NarrativeCorpusGenerator.CORPUS, StandardCharsets.UTF_8));
    }

    @Test
    void whenCorpusIsReadThenItHoldsAtLeast200NarrativesAndEveryType() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        Set<IdentifierType> labelled = new HashSet<>();
        corpus.forEach(n -> n.labels().forEach(l -> labelled.add(l.type())));
        assertThat(labelled).containsExactlyInAnyOrder(IdentifierType.values());
    }

    @Test
    void whenCorpusIsScrubbedThenEveryTypeMeetsItsPrecisionAndRecallFloors() {
        List<String> below = new ArrayList<>();
        FLOORS.forEach((type, floor) -> {
            int[] t = tally.get(type);
            if (precision(t) < floor[0] || recall(t) < floor[1]) {
                below.add(String.format(Locale.ROOT, "%s precision %.3f (floor %.2f) recall %.3f (floor %.2f)",
                        type.label(), precision(t), floor[0], recall(t), floor[1]));
            }
        });
        assertThat(below).as("types below their floors").isEmpty();
    }

    static String describe(char sign, Narrative narrative, Finding f) {
        String text = narrative.text();
        return String.format(Locale.ROOT, "%c %s %s: ...%s[[%s]]%s...%n", sign, narrative.id(), f.type().label(),
                text.substring(Math.max(0, f.start() - 30), f.start()), text.substring(f.start(), f.end()),
                text.substring(f.end(), Math.min(text.length(), f.end() + 20)));
    }

    static double precision(int[] t) {
        return t[0] + t[1] == 0 ? 1.0 : (double) t[0] / (t[0] + t[1]);
    }

    static double recall(int[] t) {
        return t[0] + t[2] == 0 ? 1.0 : (double) t[0] / (t[0] + t[2]);
    }

    static String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Scrubber on %d narratives (exact type and span match)%n%-16s %6s %6s %6s %9s %7s%n",
                corpus.size(), "type", "TP", "FP", "FN", "precision", "recall"));
        int[] all = new int[3];
        for (IdentifierType type : IdentifierType.values()) {
            int[] t = tally.get(type);
            for (int i = 0; i < 3; i++) {
                all[i] += t[i];
            }
            out.append(String.format(Locale.ROOT, "%-16s %6d %6d %6d %9.3f %7.3f%n", type.label(), t[0], t[1], t[2], precision(t), recall(t)));
        }
        return out.append(String.format(Locale.ROOT, "%-16s %6d %6d %6d %9.3f %7.3f%n", "all", all[0], all[1], all[2],
                precision(all), recall(all))).toString();
    }

    static List<Narrative> read(Path file) throws IOException {
        List<Narrative> narratives = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = JsonMapper.shared().readTree(line);
            List<String> names = new ArrayList<>();
            n.get("knownNames").forEach(name -> names.add(name.asString()));
            List<Finding> labels = new ArrayList<>();
            for (JsonNode span : n.get("spans")) {
                labels.add(new Finding(IdentifierType.fromLabel(span.get("type").asString()), span.get("start").asInt(), span.get("end").asInt()));
            }
            narratives.add(new Narrative(n.get("id").asString(), names, n.get("studentNumberPattern").asString(), n.get("text").asString(), labels));
        }
        return narratives;
    }
}
