package org.accord.gateway.redaction.scrub;

import java.util.List;
import java.util.Optional;

/** The scrubber with the shipped lists, and short ways to call it in tests. */
final class ScrubAssertions {

    static final TextScrubber SCRUBBER = TextScrubber.withDefaults();

    private ScrubAssertions() {
    }

    static String identifiers(String text) {
        return SCRUBBER.scrub(text, ScrubProfile.identifiersOnly()).text();
    }

    static String withNames(String text, String... knownNames) {
        return SCRUBBER.scrub(text, new ScrubProfile(List.of(knownNames), true, Optional.empty())).text();
    }
}
