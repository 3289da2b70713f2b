package org.accord.bench.redaction;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.redaction.scrub.ScrubProfile;
import org.accord.gateway.redaction.scrub.ScrubResult;
import org.accord.gateway.redaction.scrub.StudentNumberPattern;
import org.accord.gateway.redaction.scrub.TextScrubber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The free-text scrubber on a typical 2 KB safeguarding narrative, with the shipped referral agreement's
 * profile (record names, dictionary names, the institution's student numbers). Throughput in narratives per
 * second; MB/s is that times {@link #NARRATIVE_BYTES}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Benchmark)
public class ScrubBenchmark {

    static final String PARAGRAPH = "Over the last six weeks Daniel's personal tutor, Dr Helen Marsh, has noticed him sharing extreme "
            + "right-wing material in the CS2041 group chat and saying that action is needed. His flatmate Priya Desai reported "
            + "on 14/11/2026 that he asked her to save 07700 900123 as 'the organiser' and to email d.reyes@example.org. "
            + "He gave his NI number as QQ 12 34 56 C and his student number NB20240931 when he lost his card in room 2.14. "
            + "His mother, Grace Okafor, lives at 3 Alder Close, EM2 1AB, and rang the office from 01632 960111 about £1,250 of rent. ";
    /** The narrative's size in bytes (UTF-8), for converting narratives per second to MB/s. */
    public static final int NARRATIVE_BYTES;
    static final String NARRATIVE;

    static {
        StringBuilder text = new StringBuilder();
        while (text.length() < 2048) {
            text.append(PARAGRAPH);
        }
        NARRATIVE = text.substring(0, 2048);
        NARRATIVE_BYTES = NARRATIVE.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private TextScrubber scrubber;
    private ScrubProfile profile;

    @Setup
    public void setUp() {
        scrubber = TextScrubber.withDefaults();
        profile = new ScrubProfile(List.of("Daniel", "Okafor-Reyes", "Dan", "Helen Marsh"), true,
                Optional.of(StudentNumberPattern.compile("NB[0-9]{8}")));
    }

    @Benchmark
    public ScrubResult scrubNarrative2k() {
        return scrubber.scrub(NARRATIVE, profile);
    }
}
