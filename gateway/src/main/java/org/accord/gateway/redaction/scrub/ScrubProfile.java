package org.accord.gateway.redaction.scrub;

import java.util.List;
import java.util.Optional;

/**
 * What the scrubber should look for in one field, beyond the identifiers it always finds.
 *
 * @param knownNames       names the record itself gives (subject, aliases, carers, contacts, referrer); each word
 *                         of each name is found again in the text in any case, with possessives
 * @param detectOtherNames also look for other person names with the {@link PersonNameDetector}
 * @param studentNumbers   the institution's own student number format, if the agreement states one
 */
public record ScrubProfile(List<String> knownNames, boolean detectOtherNames, Optional<StudentNumberPattern> studentNumbers) {

    public ScrubProfile {
        knownNames = List.copyOf(knownNames);
    }

    /** Structured identifiers only: no names from the record, no name detection, no institution pattern. */
    public static ScrubProfile identifiersOnly() {
        return new ScrubProfile(List.of(), false, Optional.empty());
    }
}
