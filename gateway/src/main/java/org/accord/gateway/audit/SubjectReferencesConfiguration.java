package org.accord.gateway.audit;

import java.nio.file.Path;

import org.accord.gateway.storage.PendingInserts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The subject reference secret lives in {@code accord.audit.subject-secret-file}, separate from the pseudonym secret. */
@Configuration(proxyBeanMethods = false)
class SubjectReferencesConfiguration {

    @Bean
    SubjectReferences subjectReferences(@Value("${accord.audit.subject-secret-file:${accord.data-dir}/keys/subject.secret}") Path secretFile,
            NamedParameterJdbcTemplate jdbc, PendingInserts inserts) {
        return new SubjectReferences(SubjectReferences.ensureSecret(secretFile), jdbc, inserts);
    }
}
