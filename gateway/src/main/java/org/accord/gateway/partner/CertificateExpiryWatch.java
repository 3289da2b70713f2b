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
        for (PartnerEntry partner : partners.entries()) {
            check(found, partner.id(), "encryption", partner.encryptionCertificate(), now, horizon);
            for (X509Certificate signature : partner.signatureCertificates()) {
                if (!signature.equals(partner.encryptionCertificate())) {
                    check(found, partner.id(), "signature", signature, now, horizon);
                }
            }
        }
        check(found, "gateway", "gateway-signing", own.current(), now, horizon);
        found.sort(Comparator.comparing(CertificateExpiry::notAfter));
        return List.copyOf(found);
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

    private static void check(List<CertificateExpiry> found, String owner, String use, X509Certificate certificate,
            Instant now, Instant horizon) {
        if (certificate != null && certificate.getNotAfter().toInstant().isBefore(horizon)) {
            found.add(CertificateExpiry.of(owner, use, certificate, now));
        }
    }
}
