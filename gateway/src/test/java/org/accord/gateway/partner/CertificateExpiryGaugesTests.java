package org.accord.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.KeyAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate expiry gauge gives, per owner and use, the days left on the soonest certificate: every watched
 * certificate has a series, not only those within the warning period, and an expired one goes negative. Demo
 * certificates are valid for 730 days from issue.
 */
class CertificateExpiryGaugesTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    static Path fresh;

    @TempDir
    static Path ageing;

    @TempDir
    static Path old;

    private static DemoPki current;
    private static DemoPki expiringSoon;
    private static DemoPki expired;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Held by the test as Spring holds the bean: a gauge keeps only a weak reference, and a collection would empty it. */
    private CertificateExpiryGauges held;

    @BeforeAll
    static void keys() {
        current = DemoPki.ensure(fresh, List.of("police"), KeyAlgorithm.EC_P256, CLOCK);
        expiringSoon = DemoPki.ensure(ageing, List.of("council"), KeyAlgorithm.EC_P256, daysAgo(700));
        expired = DemoPki.ensure(old, List.of("eastmoor"), KeyAlgorithm.EC_P256, daysAgo(800));
    }

    @Test
    void whenScrapedThenEachOwnerAndUseHasItsDaysLeftWhetherNearExpiryOrNot() {
        PartnerDirectory partners = new PartnerDirectory(List.of(entry("police", police()),
                entry("council", council())), List.of());
        held = gauges(partners, expiringSoon);
        held.bindTo(registry);

        assertThat(daysLeft("police", "encryption")).isCloseTo(730, within(1.0));
        assertThat(daysLeft("council", "encryption")).isCloseTo(30, within(1.0));
        assertThat(daysLeft("gateway", "gateway-signing")).isCloseTo(30, within(1.0));
        assertThat(registry.find(CertificateExpiryGauges.NAME).tag("use", "signature").gauges())
                .as("a signature certificate that is the encryption certificate is one series, not two").isEmpty();
    }

    @Test
    void whenAnOwnerHasAnExpiredCertificateForAUseThenItsSeriesIsNegativeAndTheSoonestCounts() {
        // Signatures count under two certificates during a rotation: the series follows the one that expires first.
        PartnerEntry eastmoor = new PartnerEntry("eastmoor", null, police(),
                List.of(council(), expired.partnerCertificate("eastmoor")), null, null);
        PartnerDirectory partners = new PartnerDirectory(List.of(eastmoor), List.of());
        held = gauges(partners, current);
        held.bindTo(registry);

        assertThat(daysLeft("eastmoor", "encryption")).isCloseTo(730, within(1.0));
        assertThat(daysLeft("eastmoor", "signature")).isCloseTo(-70, within(1.0));
    }

    private static CertificateExpiryGauges gauges(PartnerDirectory partners, DemoPki gateway) {
        CertificateExpiryWatch watch = new CertificateExpiryWatch(partners,
                new SigningCertificates(gateway.gatewayCertificate(), List.of()),
                new PkiProperties(null, null, null, null, null, null, null, null, null, null, null), CLOCK);
        return new CertificateExpiryGauges(watch, CLOCK);
    }

    private double daysLeft(String owner, String use) {
        return registry.get(CertificateExpiryGauges.NAME).tag("owner", owner).tag("use", use).gauge().value();
    }

    /** A partner that encrypts and signs under one certificate. */
    private static PartnerEntry entry(String id, X509Certificate certificate) {
        return new PartnerEntry(id, null, certificate, List.of(certificate), null, null);
    }

    private static X509Certificate police() {
        return current.partnerCertificate("police");
    }

    private static X509Certificate council() {
        return expiringSoon.partnerCertificate("council");
    }

    private static Clock daysAgo(int days) {
        return Clock.fixed(NOW.minus(Duration.ofDays(days)), ZoneOffset.UTC);
    }
}
