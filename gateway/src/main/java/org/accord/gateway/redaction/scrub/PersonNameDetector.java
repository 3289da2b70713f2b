package org.accord.gateway.redaction.scrub;

import java.util.List;

/**
 * Finds names of people the record does not name itself. Implementations must be linear in the text length and
 * must never log or keep the text.
 */
public interface PersonNameDetector {

    /**
     * @param text  the free text
     * @param words its words, as {@link Word#of(String)} gives them
     * @return spans of person names, each of type {@link IdentifierType#NAME}, in any order
     */
    List<Finding> detect(String text, List<Word> words);
}
