package org.accord.gateway.inbound;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;

import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.MessageRejectedException;
import org.accord.gateway.crypto.OpenedMessage;
import org.accord.gateway.partner.PartnerDirectory;
import org.accord.gateway.partner.SigningCertificates;
import org.accord.gateway.partner.PartnerEntry;
import org.accord.gateway.partner.KeyMaterialConfiguration.GatewayCredential;
import org.accord.gateway.transfer.ReplayGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a sealed message addressed to this gateway, for the inbound side: {@link #verify} decrypts with the
 * gateway's key, verifies the signature (strict: AES-GCM and Accord's transfer id) and requires the signer to be a
 * partner's signature certificate or one of this gateway's own current or previous signing certificates;
 * {@link #admit} then lets each transfer id through once. {@link #open} does both, {@code DUPLICATE} for an id
 * admitted before.
 */
@Service
public class InboundOpener {

    public static final String SIGNER_NOT_PARTNER = "SIGNER_NOT_PARTNER";

    private static final Logger log = LoggerFactory.getLogger(InboundOpener.class);

    private final CmsOpener opener = new CmsOpener();
    private final GatewayCredential credential;
    private final SigningCertificates own;
    private final ReplayGuard replayGuard;
    private final Clock clock;
    private final String institution;

    public InboundOpener(GatewayCredential credential, SigningCertificates own, ReplayGuard replayGuard, Clock clock,
            @Value("${accord.institution}") String institution) {
        this.credential = credential;
        this.own = own;
        this.replayGuard = replayGuard;
        this.clock = clock;
        this.institution = institution;
    }

    @Transactional
    public InboundOpening open(byte[] der) {
        InboundOpening opening = verify(der);
        if (opening instanceof InboundOpening.Opened opened && !admit(opened, der)) {
            return new InboundOpening.Refused(ReplayGuard.DUPLICATE);
        }
        return opening;
    }

    /** Decrypts and verifies the message and identifies its sender, without admitting its transfer id. */
    public InboundOpening verify(byte[] der) {
        OpenedMessage message;
        try {
            message = opener.open(der, credential.signingKey(), own.current(), credential.trustAnchors(), clock);
        } catch (MessageRejectedException e) {
            log.info("Inbound message refused code={}", e.code());
            log.debug("Inbound message refusal cause", e);
            return new InboundOpening.Refused(e.code().name());
        }
        Optional<String> sender = senderOf(message.signer());
        if (sender.isEmpty()) {
            log.info("Inbound message refused code={} transfer={}", SIGNER_NOT_PARTNER, message.transferId());
            return new InboundOpening.Refused(SIGNER_NOT_PARTNER);
        }
        return new InboundOpening.Opened(message, sender.get());
    }

    /** Admits the transfer id of a verified message once; {@code false} if it was admitted before. */
    @Transactional
    public boolean admit(InboundOpening.Opened opened, byte[] der) {
        return replayGuard.admit(opened.message().transferId(), opened.sender(), Fingerprints.sha256Hex(der))
                == ReplayGuard.Verdict.FIRST_SIGHTING;
    }

    private Optional<String> senderOf(X509Certificate signer) {
        if (own.recognises(signer)) {
            return Optional.of(institution);
        }
        return credential.partners().signedBy(signer).map(PartnerEntry::id);
    }
}
