package org.accord.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.MovableClock;
import org.accord.gateway.support.TestCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agreement warning gauge counts the active agreements of the catalogue in force that carry each warning the
 * API lists, on the day it is scraped. Test agreements are due for review the day after they take effect.
 */
class AgreementWarningGaugesTests {

    private static final LocalDate TODAY = LocalDate.now(AgreementWarnings.UK);

    @TempDir
    Path folder;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock();
    private AgreementSource source;
    /** Held by the test as Spring holds the bean: a gauge keeps only a weak reference, and a collection would empty it. */
    private AgreementWarningGauges gauges;

    @BeforeEach
    void catalogue() throws IOException {
        Path agreements = Files.createDirectories(folder.resolve("agreements"));
        TestCatalogue.copyTree(Fixtures.SCHEMAS, folder.resolve("schemas"));
        TestCatalogue.writeOrganisations(agreements, "police", "council", "hospital", "college", "charity");
        // Review overdue: took effect a year ago. Expires within 60 days as well as overdue: ends in 30 days.
        TestCatalogue.writeAgreement(agreements, "isa-overdue", "active", TODAY.minusYears(1), TODAY.plusYears(1),
                "police", "inbound", "mailbox", "police");
        TestCatalogue.writeAgreement(agreements, "isa-ending", "active", TODAY.minusYears(1), TODAY.plusDays(30),
                "council", "inbound", "mailbox", "council");
        // Not yet effective (and so not yet due for review).
        TestCatalogue.writeAgreement(agreements, "isa-future", "active", TODAY.plusDays(10), TODAY.plusYears(2),
                "hospital", "inbound", "mailbox", "hospital");
        // Suspended and overdue: it moves no records, so it is not counted.
        TestCatalogue.writeAgreement(agreements, "isa-suspended", "suspended", TODAY.minusYears(1), TODAY.plusYears(1),
                "college", "inbound", "mailbox", "college");
        source = new AgreementSource(AgreementCatalogue.fromDirectories(agreements, folder.resolve("schemas")));
        gauges = new AgreementWarningGauges(source, clock);
        gauges.bindTo(registry);
    }

    @Test
    void whenScrapedThenActiveAgreementsAreCountedPerWarning() {
        assertThat(warnings("REVIEW_OVERDUE")).isEqualTo(2);
        assertThat(warnings("EXPIRES_WITHIN_60_DAYS")).isEqualTo(1);
        assertThat(warnings("NOT_YET_EFFECTIVE")).isEqualTo(1);
        assertThat(warnings("EXPIRED")).isZero();
    }

    @Test
    void whenDaysPassThenTheNextScrapeCountsTheNewWarnings() {
        clock.advance(java.time.Duration.ofDays(45));

        assertThat(warnings("EXPIRED")).as("isa-ending has ended").isEqualTo(1);
        assertThat(warnings("EXPIRES_WITHIN_60_DAYS")).isZero();
        assertThat(warnings("NOT_YET_EFFECTIVE")).isZero();
        assertThat(warnings("REVIEW_OVERDUE")).as("isa-future is now past its review too").isEqualTo(3);
    }

    @Test
    void whenTheCatalogueIsReloadedThenTheGaugeReadsTheNewOne() throws IOException {
        Path replacement = Files.createDirectories(folder.resolve("replacement"));
        TestCatalogue.writeOrganisations(replacement, "police");
        TestCatalogue.writeAgreement(replacement, "isa-renewed", "active", TODAY.minusDays(1), TODAY.plusYears(2),
                "police", "inbound", "mailbox", "police");
        source.replace(AgreementCatalogue.fromDirectories(replacement, folder.resolve("schemas")));

        assertThat(warnings("REVIEW_OVERDUE")).isZero();
    }

    private double warnings(String warning) {
        return registry.get(AgreementWarningGauges.NAME).tag("warning", warning).gauge().value();
    }
}
