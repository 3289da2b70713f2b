package org.accord.gateway.audit;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.accord.gateway.partner.KeyMaterialConfiguration.GatewayCredential;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Walks the stored chain page by page: to verify it, or to export it for offline verification. */
@Service
public class LogIntegrity {

    private static final int PAGE = 1000;

    private final TransferLogRepository entries;
    private final ChainHeadRepository heads;
    private final LogCheckpointRepository checkpoints;
    private final GatewayCredential credential;
    private final LogIntegrator integrator;
    private final TransactionTemplate reading;
    private final EntityManager entityManager;

    public LogIntegrity(TransferLogRepository entries, ChainHeadRepository heads, LogCheckpointRepository checkpoints,
            GatewayCredential credential, LogIntegrator integrator, PlatformTransactionManager transactions, EntityManager entityManager) {
        this.entries = entries;
        this.entityManager = entityManager;
        this.heads = heads;
        this.checkpoints = checkpoints;
        this.credential = credential;
        this.integrator = integrator;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** Integrates every entry committed so far into the chain, then verifies the chain and its signed checkpoints. */
    public ChainVerifier.Report verify() {
        integrator.integrateAll();
        return reading.execute(status -> {
            ChainVerifier verifier = new ChainVerifier(trustedCertificates());
            long head = heads.head().orElseThrow().chainIndex();
            List<Checkpoint> signed = checkpoints().stream().filter(c -> c.chainIndex() <= head).toList();
            forEachEntry(head, verifier::accept);
            return verifier.finish(signed, head);
        });
    }

    /** Integrates every entry committed so far, and returns the chain head's index: entries up to it are in the chain. */
    public long headIndex() {
        integrator.integrateAll();
        return reading.execute(status -> heads.head().orElseThrow().chainIndex());
    }

    /** Feeds the entries from the first up to {@code lastIndex}, in chain order; later appends are not included. */
    @Transactional(readOnly = true)
    public void forEachEntry(long lastIndex, Consumer<ChainedEntry> consumer) {
        forEachEntry(0, lastIndex, consumer);
    }

    /** Feeds the entries after {@code after} up to {@code lastIndex}, in chain order. */
    @Transactional(readOnly = true)
    public void forEachEntry(long after, long lastIndex, Consumer<ChainedEntry> consumer) {
        while (after < lastIndex) {
            List<TransferLogEntry> page = entries.findByChainIndexGreaterThanOrderByChainIndexAsc(after, PageRequest.of(0, PAGE));
            if (page.isEmpty()) {
                return;
            }
            after = page.get(page.size() - 1).chainIndex();
            // Read entries leave the persistence context page by page: a walk over the whole chain runs in one
            // transaction, and without this every entry read would stay in memory until it ends.
            List<ChainedEntry> chained = new ArrayList<>(page.size());
            for (TransferLogEntry e : page) {
                if (e.chainIndex() <= lastIndex) {
                    chained.add(e.chained());
                }
                entityManager.detach(e);
            }
            chained.forEach(consumer);
            if (chained.size() < page.size()) {
                return;
            }
        }
    }

    @Transactional(readOnly = true)
    public List<Checkpoint> checkpoints() {
        return checkpoints.findAllByOrderByChainIndexAsc().stream().map(LogCheckpoint::checkpoint).toList();
    }

    /**
     * The certificates whose checkpoint signatures are the gateway's own: its signing certificate and those it signed
     * with before a rotation ({@code accord.pki.previous-signing-certificates}), so that checkpoints signed before a
     * rotation still verify. Exports and archives name them in their header.
     */
    public List<X509Certificate> trustedCertificates() {
        List<X509Certificate> trusted = new ArrayList<>();
        trusted.add(credential.chain().get(0));
        trusted.addAll(credential.previousSigningCertificates());
        return List.copyOf(trusted);
    }
}
