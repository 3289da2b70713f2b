package org.accord.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.KeyAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Certificates expiring within 60 days, or expired, are reported on the health endpoint and in a log line;
 * certificates with longer left are not. Demo certificates are valid for 730 days from issue.
 */
class CertificateExpiryWatchTests {

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

    @BeforeAll
    static void keys() {
        current = DemoPki.ensure(fresh, List.of("police"), KeyAlgorithm.EC_P256, CLOCK);
        expiringSoon = DemoPki.ensure(ageing, List.of("council"), KeyAlgorithm.EC_P256, daysAgo(700));
        expired = DemoPki.ensure(old, List.of("eastmoor"), KeyAlgorithm.EC_P256, daysAgo(800));
    }

    @Test
    void whenAPartnerCertificateExpiresWithin60DaysThenHealthStaysUpAndListsIt() {
        CertificateExpiryWatch watch = watch();

        Health health = new PartnerCertificatesHealthIndicator(watch).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        @SuppressWarnings("unchecked")
        List<CertificateExpiry> warnings = (List<CertificateExpiry>) health.getDetails().get("warnings");
        assertThat(warnings).extracting(CertificateExpiry::owner).containsExactly("eastmoor", "council");
        CertificateExpiry council = warnings.get(1);
        assertThat(council.status()).isEqualTo("EXPIRES_SOON");
        assertThat(council.use()).isEqualTo("encryption");
        assertThat(council.daysLeft()).isBetween(29L, 30L);
        assertThat(warnings.get(0).status()).isEqualTo("EXPIRED");
        assertThat(health.getDetails().get("warningPeriodDays")).isEqualTo(60L);
    }

    @Test
    void whenTheWatchReportsThenEachWarningIsALogLineWithOwnerAndStatus() {
        Logger logger = (Logger) LoggerFactory.getLogger(CertificateExpiryWatch.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            watch().report();
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("code=CERTIFICATE_EXPIRES_SOON", "owner=council", "use=encryption"))
                .anySatisfy(line -> assertThat(line).contains("code=CERTIFICATE_EXPIRED", "owner=eastmoor"))
                .noneSatisfy(line -> assertThat(line).contains("owner=police"));
    }

    @Test
    void whenTheGatewaySigningCertificateIsAboutToExpireThenItIsReportedToo() {
        PartnerDirectory none = new PartnerDirectory(List.of(), List.of());
        CertificateExpiryWatch watch = new CertificateExpiryWatch(none,
                new SigningCertificates(expiringSoon.gatewayCertificate(), List.of()), properties(), CLOCK);

        assertThat(watch.warnings()).extracting(CertificateExpiry::owner, CertificateExpiry::use)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gateway", "gateway-signing"));
    }

    private static CertificateExpiryWatch watch() {
        PartnerDirectory partners = new PartnerDirectory(List.of(
                entry("police", current), entry("council", expiringSoon), entry("eastmoor", expired)), List.of());
        return new CertificateExpiryWatch(partners, new SigningCertificates(current.gatewayCertificate(), List.of()),
                properties(), CLOCK);
    }

    private static PartnerEntry entry(String id, DemoPki pki) {
        return new PartnerEntry(id, null, pki.partnerCertificate(id), List.of(pki.partnerCertificate(id)), null, null);
    }

    private static PkiProperties properties() {
        return new PkiProperties(null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Clock daysAgo(int days) {
        return Clock.fixed(NOW.minus(Duration.ofDays(days)), ZoneOffset.UTC);
    }
}
