package org.accord.gateway.agreement;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the agreement catalogue at start: the one packaged with the gateway, or the folders named by
 * {@code accord.agreements.directory} and {@code accord.schemas.directory}. An invalid catalogue stops the
 * start with every problem listed by file and line.
 */
@Configuration(proxyBeanMethods = false)
public class AgreementConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AgreementConfiguration.class);

    @Bean
    SignaturePolicy agreementSignaturePolicy(@Value("${accord.agreements.require-signatures:false}") boolean required,
            @Value("${accord.agreements.signatory-trust-anchors:}") String trustAnchors) {
        return SignaturePolicy.of(required, trustAnchors);
    }

    @Bean
    AgreementSource agreementSource(@Value("${accord.agreements.directory:}") String agreementsDir,
            @Value("${accord.schemas.directory:}") String schemasDir, SignaturePolicy signatures) {
        AgreementCatalogue catalogue;
        if (agreementsDir.isBlank()) {
            catalogue = AgreementCatalogue.fromClasspath(signatures);
            log.info("Loaded the packaged agreement catalogue: {} agreement(s), {} organisation(s)",
                    catalogue.agreements().size(), catalogue.organisations().size());
        }
        else {
            Path schemas = schemasDir.isBlank() ? Path.of(agreementsDir).resolveSibling("schemas") : Path.of(schemasDir);
            catalogue = AgreementCatalogue.check(Path.of(agreementsDir), schemas, signatures, java.time.Instant.now()).orElseThrow();
            log.info("Loaded the agreement catalogue from {}: {} agreement(s), {} organisation(s)", agreementsDir,
                    catalogue.agreements().size(), catalogue.organisations().size());
        }
        return new AgreementSource(catalogue);
    }
}
