package org.accord.gateway.audit;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.accord.gateway.crypto.Signatures;
import org.accord.gateway.partner.KeyMaterialConfiguration.GatewayCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs a checkpoint of the chain head with the gateway's key once {@code accord.audit.checkpoint-entries}
 * entries have been added since the last one, or {@code accord.audit.checkpoint-interval} has passed and the
 * chain has grown. A rewritten chain cannot match a signed checkpoint without the gateway's key.
 */
@Component
public class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final ChainHeadRepository heads;
    private final LogCheckpointRepository checkpoints;
    private final GatewayCredential credential;
    private final Clock clock;
    private final long everyEntries;
    private final Duration interval;

    public Checkpointer(ChainHeadRepository heads, LogCheckpointRepository checkpoints, GatewayCredential credential, Clock clock,
            @Value("${accord.audit.checkpoint-entries:1000}") long everyEntries,
            @Value("${accord.audit.checkpoint-interval:PT1M}") Duration interval) {
        this.heads = heads;
        this.checkpoints = checkpoints;
        this.credential = credential;
        this.clock = clock;
        this.everyEntries = everyEntries;
        this.interval = interval;
    }

    /**
     * Signs a checkpoint if one is due. It holds the chain head's lock, as the {@link LogIntegrator} does, so on
     * several gateways the first signs and the others find the head already checkpointed.
     */
    @Scheduled(fixedDelayString = "${accord.audit.checkpoint-check-every:PT5S}")
    @Transactional
    public void checkpointIfDue() {
        ChainHead head = heads.lockHead().orElseThrow();
        Optional<Checkpoint> last = checkpoints.findFirstByOrderByChainIndexDesc().map(LogCheckpoint::checkpoint);
        long lastIndex = last.map(Checkpoint::chainIndex).orElse(0L);
        if (head.chainIndex() == lastIndex) {
            return;
        }
        boolean enoughEntries = head.chainIndex() - lastIndex >= everyEntries;
        boolean longEnough = last.map(c -> !c.createdAt().plus(interval).isAfter(clock.instant())).orElse(true);
        if (enoughEntries || longEnough) {
            checkpoint(head);
        }
    }

    /** Signs a checkpoint of the current head now, if the chain has any entry. */
    @Transactional
    public Optional<Checkpoint> checkpointNow() {
        ChainHead head = heads.lockHead().orElseThrow();
        return head.chainIndex() == 0 ? Optional.empty() : Optional.of(checkpoint(head));
    }

    private Checkpoint checkpoint(ChainHead head) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        X509Certificate certificate = credential.chain().get(0);
        String algorithm = algorithmFor(credential.signingKey());
        try {
            byte[] signature = Signatures.sign(credential.signingKey(),
                    LogChain.checkpointPayload(head.chainIndex(), head.headHash(), now));
            Checkpoint checkpoint = new Checkpoint(head.chainIndex(), head.headHash(), now, algorithm, signature,
                    certificate.getEncoded());
            checkpoints.save(new LogCheckpoint(checkpoint));
            log.info("Signed transfer-log checkpoint at entry {}", head.chainIndex());
            return checkpoint;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a transfer-log checkpoint", e);
        }
    }

    static String algorithmFor(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalStateException("Unsupported signing key type " + key.getAlgorithm());
        };
    }
}
