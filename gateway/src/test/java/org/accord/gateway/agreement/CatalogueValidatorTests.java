package org.accord.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.accord.gateway.redaction.FieldRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per kind of mistake under {@code src/test/resources/agreement/broken/<case>/}, each a copy of the
 * valid fixture with one thing wrong, and an {@code expected.txt}: file, line (0 = any), message fragment.
 */
class CatalogueValidatorTests {

    static final Path SCHEMAS = Path.of("../schemas");
    static final Path FIXTURES = Path.of("src/test/resources/agreement");

    static Stream<String> brokenCases() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES.resolve("broken"))) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void whenFixtureIsUnbrokenThenCatalogueLoads() {
        AgreementCatalogue catalogue = AgreementCatalogue.fromDirectories(FIXTURES.resolve("valid"), SCHEMAS);

        assertThat(catalogue.agreement("isa-test")).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCases")
    void whenAgreementHasOneMistakeThenCheckReportsItWithFileAndLine(String name) throws IOException {
        Path dir = FIXTURES.resolve("broken").resolve(name);
        List<String> expected = Files.readAllLines(dir.resolve("expected.txt"));
        String file = expected.get(0);
        int line = Integer.parseInt(expected.get(1));
        String message = expected.get(2);

        List<CatalogueProblem> problems = AgreementCatalogue.check(dir, SCHEMAS).problems();

        assertThat(problems)
                .as("problems for %s: %s", name, problems)
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(file);
                    assertThat(p.message()).contains(message);
                    if (line > 0) {
                        assertThat(p.line()).isEqualTo(line);
                    } else {
                        assertThat(p.line()).isGreaterThanOrEqualTo(0);
                    }
                });
    }

    @Test
    void whenFlowScrubsFreeTextThenLoadedRuleCarriesNamePathsDetectionAndPattern() {
        AgreementCatalogue catalogue = AgreementCatalogue.fromDirectories(FIXTURES.resolve("valid"), SCHEMAS);

        assertThat(catalogue.agreement("isa-test").orElseThrow().flows().get(0).fields().get("concern.summary"))
                .isEqualTo(new FieldRule.Scrub(List.of("subject.names", "otherAgencies[].contact.name"), true, "NB[0-9]{8}"));
    }

    @Test
    void whenAnOrganisationHasAnEmergencyProfileThenItLoadsWithItsContactAndFieldRules() {
        AgreementCatalogue catalogue = AgreementCatalogue.fromDirectories(FIXTURES.resolve("valid"), SCHEMAS);

        EmergencyProfile profile = catalogue.organisations().get("ctp-nw-prevent").emergency();
        assertThat(profile.contact().role()).isEqualTo("Prevent duty desk");
        EmergencyProfile.RecordProfile concern = profile.forRecord("safeguarding-concern", 1).orElseThrow();
        assertThat(concern.fields()).containsOnlyKeys("subject.names", "subject.dateOfBirth", "concern.summary", "concern.urgency");
        assertThat(concern.fields().get("subject.dateOfBirth")).isEqualTo(new FieldRule.Generalise(FieldRule.Generalisation.YEAR));
        assertThat(profile.forRecord("prevent-referral", 1)).isEmpty();
        assertThat(catalogue.organisations().get("la-northbridge-channel").emergency()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "emergency-profile-unknown-field", "emergency-profile-rule-does-not-fit",
            "emergency-profile-without-contact", "emergency-profile-unknown-record-type" })
    void whenAnEmergencyProfileIsBrokenThenEachProblemWithItIsCodedAndTheCatalogueDoesNotLoad(String name) {
        Path dir = FIXTURES.resolve("broken").resolve(name);

        AgreementCatalogue.Result result = AgreementCatalogue.check(dir, SCHEMAS);

        assertThat(result.catalogueOrNull()).isNull();
        assertThat(result.problems()).filteredOn(p -> p.file().equals("organisations.yaml")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.code()).isEqualTo(AgreementLoader.EMERGENCY_PROFILE_INVALID));
    }

    @Test
    void whenCatalogueIsBrokenThenLoadingThrowsListingEveryProblem() {
        Path dir = FIXTURES.resolve("broken/unknown-field");

        assertThatThrownBy(() -> AgreementCatalogue.fromDirectories(dir, SCHEMAS))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining("isa-test.yaml:")
                .hasMessageContaining("subject.shoeSize");
    }

    @Test
    void whenOrganisationsFileIsMissingThenCheckSaysSo(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.copy(FIXTURES.resolve("valid/isa-test.yaml"), dir.resolve("isa-test.yaml"));

        List<CatalogueProblem> problems = AgreementCatalogue.check(dir, SCHEMAS).problems();

        assertThat(problems).extracting(CatalogueProblem::message).contains("the organisations file is missing");
    }
}
