package org.accord.gateway.record;

import java.util.Optional;

/**
 * The UK GDPR categories a schema marks with the {@code x-accord-category} annotation: special category
 * data (Art. 9) and criminal-offence data (Art. 10). Fields without the annotation are ordinary personal data.
 */
public enum DataCategory {
    SPECIAL("special"),
    CRIMINAL_OFFENCE("criminal-offence");

    private final String code;

    DataCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<DataCategory> fromCode(String code) {
        for (DataCategory category : values()) {
            if (category.code.equals(code)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
