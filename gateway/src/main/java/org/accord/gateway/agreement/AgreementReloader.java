package org.accord.gateway.agreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reloads the catalogue from the configured folders when a file in them changes. A catalogue with any
 * problem is rejected whole, each problem logged by file and line, and the one in force stays in force.
 */
@Component
@ConditionalOnExpression("'${accord.agreements.directory:}' != ''")
public class AgreementReloader {

    private static final Logger log = LoggerFactory.getLogger(AgreementReloader.class);

    private final AgreementSource source;
    private final Path agreementsDir;
    private final Path schemasDir;
    private final SignaturePolicy signatures;
    private String lastSeen;

    public AgreementReloader(AgreementSource source, @Value("${accord.agreements.directory}") Path agreementsDir,
            @Value("${accord.schemas.directory:}") String schemasDir, SignaturePolicy signatures) {
        this.source = source;
        this.signatures = signatures;
        this.agreementsDir = agreementsDir;
        this.schemasDir = schemasDir.isBlank() ? agreementsDir.resolveSibling("schemas") : Path.of(schemasDir);
        this.lastSeen = fingerprint();
    }

    // Every gateway runs this, with no cluster lock: each holds its own catalogue in memory, read from its own copy
    // of the folders, so each must reload its own.
    @Scheduled(fixedDelayString = "${accord.agreements.reload-every:PT10S}", initialDelayString = "${accord.agreements.reload-every:PT10S}")
    public synchronized void reloadIfChanged() {
        if (!fingerprint().equals(lastSeen)) {
            reload();
        }
    }

    /**
     * Reads the folders now, whether or not they changed; one reload at a time, and what it read counts as seen,
     * so the schedule does not read the same files again.
     *
     * @return whether the folders held a valid catalogue, which is now in force
     */
    public synchronized boolean reload() {
        lastSeen = fingerprint();
        AgreementCatalogue.Result result = AgreementCatalogue.check(agreementsDir, schemasDir, signatures, java.time.Instant.now());
        if (!result.problems().isEmpty()) {
            log.warn("Agreement reload rejected: {} problem(s); the previous catalogue stays in force", result.problems().size());
            result.problems().forEach(p -> log.warn("Agreement reload problem: {}", p));
            return false;
        }
        AgreementCatalogue next = result.catalogueOrNull();
        source.replace(next);
        log.info("Agreement catalogue reloaded from {}: {} agreement(s), {} organisation(s)", agreementsDir,
                next.agreements().size(), next.organisations().size());
        return true;
    }

    private String fingerprint() {
        StringBuilder fingerprint = new StringBuilder();
        for (Path dir : new Path[] {agreementsDir, schemasDir}) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> {
                    try {
                        fingerprint.append(f).append(':').append(Files.size(f)).append(':')
                                .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            catch (IOException | UncheckedIOException e) {
                fingerprint.append(dir).append(":unreadable\n");
            }
        }
        return fingerprint.toString();
    }
}
