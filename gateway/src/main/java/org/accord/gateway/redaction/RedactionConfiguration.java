package org.accord.gateway.redaction;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The minimiser, with pseudonym keys derived from the gateway's pseudonym secret. */
@Configuration(proxyBeanMethods = false)
public class RedactionConfiguration {

    @Bean
    Minimiser minimiser(@Value("${accord.pseudonym.secret-file:${accord.data-dir}/keys/pseudonym.secret}") Path secretFile) {
        return new Minimiser(PseudonymKeyStore.ensure(secretFile));
    }
}
