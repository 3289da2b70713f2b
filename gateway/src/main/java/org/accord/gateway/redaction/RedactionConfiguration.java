package org.accord.gateway.redaction;

import java.nio.file.Path;

import org.accord.gateway.redaction.scrub.DictionaryNameDetector;
import org.accord.gateway.redaction.scrub.TextScrubber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The free-text scrubber, and the minimiser with pseudonym keys derived from the gateway's pseudonym secret. */
@Configuration(proxyBeanMethods = false)
public class RedactionConfiguration {

    @Bean
    TextScrubber textScrubber(@Value("${accord.scrub.max-field-chars:65536}") int maxFieldChars) {
        return new TextScrubber(DictionaryNameDetector.ukNames(), maxFieldChars);
    }

    @Bean
    Minimiser minimiser(@Value("${accord.pseudonym.secret-file:${accord.data-dir}/keys/pseudonym.secret}") Path secretFile,
                        TextScrubber scrubber) {
        return new Minimiser(PseudonymKeyStore.ensure(secretFile), scrubber);
    }
}
