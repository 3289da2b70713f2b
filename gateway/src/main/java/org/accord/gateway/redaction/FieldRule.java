package org.accord.gateway.redaction;

import java.util.List;

/**
 * What an agreement flow does with one field. Fields a flow does not name are dropped.
 */
public sealed interface FieldRule {

    /** The rule as agreements and the transfer log name it, for example {@code generalise:age-band}. */
    String name();

    /** The field goes unchanged, with everything inside it. */
    record Share() implements FieldRule {
        public String name() {
            return "share";
        }
    }

    /** The field is withheld. */
    record Drop() implements FieldRule {
        public String name() {
            return "drop";
        }
    }

    /**
     * The value is replaced by a mask. With {@code keepLast} the last characters stay (never more than half the
     * value) and the rest become {@code maskCharacter}; without it ({@code keepLast < 0}) the value becomes a fixed
     * mask that hides its length.
     */
    record Mask(int keepLast, char maskCharacter) implements FieldRule {
        public String name() {
            return keepLast < 0 ? "mask" : "mask:keep-last-" + keepLast;
        }
    }

    /** The value is made coarser. */
    record Generalise(Generalisation to) implements FieldRule {
        public String name() {
            return "generalise:" + to.code();
        }
    }

    /** The value is replaced by a keyed pseudonym (HMAC-SHA-256 under the agreement's key). */
    record Pseudonymise() implements FieldRule {
        public String name() {
            return "pseudonymise";
        }
    }

    /**
     * Free text with personal identifiers and people's names replaced by typed placeholders such as {@code [PHONE]}.
     *
     * @param namePaths              field paths of the record whose values are names to find again in the text
     *                               (for example {@code subject.names}, {@code otherAgencies[].contact.name})
     * @param detectOtherNames       also replace other person names found with the name dictionary
     * @param studentNumberPattern   the institution's own student number format (a bounded regex), or {@code null}
     */
    record Scrub(List<String> namePaths, boolean detectOtherNames, String studentNumberPattern) implements FieldRule {

        public Scrub {
            namePaths = List.copyOf(namePaths);
        }

        /** Structured identifiers only. */
        public Scrub() {
            this(List.of(), false, null);
        }

        public String name() {
            return "scrub";
        }
    }

    /** How a {@link Generalise} rule coarsens a value. */
    enum Generalisation {
        /** A date becomes its year. */
        YEAR("year"),
        /** A date of birth becomes an age band on the transfer date. */
        AGE_BAND("age-band"),
        /** A UK postcode becomes its outward code (district). */
        POSTCODE_DISTRICT("postcode-district");

        private final String code;

        Generalisation(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Generalisation fromCode(String code) {
            for (Generalisation g : values()) {
                if (g.code.equals(code)) {
                    return g;
                }
            }
            throw new IllegalArgumentException("Unknown generalisation " + code);
        }
    }
}
