package org.accord.gateway.audit;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

import org.accord.gateway.partner.KeyMaterialConfiguration.GatewayCredential;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the stored chain page by page: to verify it, or to export it for offline verification. */
@Service
public class LogIntegrity {

    private static final int PAGE = 1000;

    private final TransferLogRepository entries;
    private final ChainHeadRepository heads;
    private final LogCheckpointRepository checkpoints;
    private final GatewayCredential credential;

    public LogIntegrity(TransferLogRepository entries, ChainHeadRepository heads, LogCheckpointRepository checkpoints,
            GatewayCredential credential) {
        this.entries = entries;
        this.heads = heads;
        this.checkpoints = checkpoints;
        this.credential = credential;
    }

    @Transactional(readOnly = true)
    public ChainVerifier.Report verify() {
        ChainVerifier verifier = new ChainVerifier(trustedCertificates());
        long head = heads.head().orElseThrow().chainIndex();
        List<Checkpoint> signed = checkpoints().stream().filter(c -> c.chainIndex() <= head).toList();
        forEachEntry(head, verifier::accept);
        return verifier.finish(signed, head);
    }

    /** The chain head's index now; entries up to it are committed. */
    @Transactional(readOnly = true)
    public long headIndex() {
        return heads.head().orElseThrow().chainIndex();
    }

    /** Feeds the entries from the first up to {@code lastIndex}, in chain order; later appends are not included. */
    @Transactional(readOnly = true)
    public void forEachEntry(long lastIndex, Consumer<ChainedEntry> consumer) {
        long after = 0;
        while (after < lastIndex) {
            List<TransferLogEntry> page = entries.findByChainIndexGreaterThanOrderByChainIndexAsc(after, PageRequest.of(0, PAGE));
            if (page.isEmpty()) {
                return;
            }
            for (TransferLogEntry e : page) {
                if (e.chainIndex() > lastIndex) {
                    return;
                }
                consumer.accept(e.chained());
            }
            after = page.get(page.size() - 1).chainIndex();
        }
    }

    @Transactional(readOnly = true)
    public List<Checkpoint> checkpoints() {
        return checkpoints.findAllByOrderByChainIndexAsc().stream().map(LogCheckpoint::checkpoint).toList();
    }

    public List<X509Certificate> trustedCertificates() {
        return List.of(credential.chain().get(0));
    }
}
