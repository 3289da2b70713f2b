package org.accord.gateway.partner;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the partner directory's certificates and this gateway's signing certificate for expiry: each one
 * expired or expiring within {@code accord.pki.expiry-warning} (60 days by default) is logged as a warning at
 * start and daily, and reported by the {@code partnerCertificates} health indicator. Sealing for a partner
 * whose encryption certificate has expired is refused elsewhere ({@code RECIPIENT_CERTIFICATE_EXPIRED}).
 * <p>
 * Each gateway checks at start (its own copy of the certificates). The periodic warning runs on one gateway of
 * those sharing a database, about once per interval between them: it holds the cluster lock for just under the
 * interval, so this gateway's next run finds it free and other gateways' runs in between are skipped.
 */
@Component
public class CertificateExpiryWatch {

    private static final Logger log = LoggerFactory.getLogger(CertificateExpiryWatch.class);
    private static final String EVERY = "${accord.pki.expiry-check-every:P1D}";
    // Nine tenths of the interval, in milliseconds; the interval read as @Scheduled reads it.
    private static final String JUST_UNDER_EVERY = "#{T(org.springframework.format.datetime.standard.DurationFormatterUtils)"
            + ".detectAndParse('" + EVERY + "').toMillis() * 9 / 10}";

    private final PartnerDirectory partners;
    private final SigningCertificates own;
    private final Duration warning;
    private final Clock clock;

    public CertificateExpiryWatch(PartnerDirectory partners, SigningCertificates own, PkiProperties pki, Clock clock) {
        this.partners = partners;
        this.own = own;
        this.warning = pki.expiryWarning();
        this.clock = clock;
    }

    /** Certificates expired or expiring within the warning period, soonest first. */
    public List<CertificateExpiry> warnings() {
        Instant now = clock.instant();
        Instant horizon = now.plus(warning);
        List<CertificateExpiry> found = new ArrayList<>();
        for (Watched watched : watched()) {
            if (watched.notAfter().isBefore(horizon)) {
                found.add(CertificateExpiry.of(watched.owner(), watched.use(), watched.certificate(), now));
            }
        }
        found.sort(Comparator.comparing(CertificateExpiry::notAfter));
        return List.copyOf(found);
    }

    /** Every certificate watched, whatever its expiry: each partner's encryption and signature ones, and the gateway's own. */
    List<Watched> watched() {
        List<Watched> watched = new ArrayList<>();
        for (PartnerEntry partner : partners.entries()) {
            watched.add(new Watched(partner.id(), "encryption", partner.encryptionCertificate()));
            for (X509Certificate signature : partner.signatureCertificates()) {
                if (!signature.equals(partner.encryptionCertificate())) {
                    watched.add(new Watched(partner.id(), "signature", signature));
                }
            }
        }
        if (own.current() != null) {
            watched.add(new Watched("gateway", "gateway-signing", own.current()));
        }
        return watched;
    }

    public Duration warningPeriod() {
        return warning;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        logWarnings();
    }

    @Scheduled(fixedDelayString = EVERY, initialDelayString = EVERY)
    @SchedulerLock(name = "certificate-expiry-warning", lockAtMostFor = EVERY, lockAtLeastFor = JUST_UNDER_EVERY)
    void report() {
        logWarnings();
    }

    private void logWarnings() {
        for (CertificateExpiry expiry : warnings()) {
            log.warn("Certificate expiry warning code=CERTIFICATE_{} owner={} use={} notAfter={} daysLeft={} sha256={}",
                    expiry.status(), expiry.owner(), expiry.use(), expiry.notAfter(), expiry.daysLeft(), expiry.sha256());
        }
    }

    /** A certificate the watch looks at, with its owner ({@code gateway} for this gateway) and use. */
    record Watched(String owner, String use, X509Certificate certificate) {

        Instant notAfter() {
            return certificate.getNotAfter().toInstant();
        }
    }
}
