package org.accord.partner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.accord.gateway.agreement.AgreementCatalogue;
import org.accord.gateway.agreement.AgreementDocumentPdf;
import org.accord.gateway.agreement.AgreementDrafts;
import org.accord.gateway.agreement.SignaturePolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * For governance leads, without a running gateway: check a folder of (draft) agreements as the gateway would load
 * it, and render one agreement file as the PDF its signatories sign.
 */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Check a folder of agreements, or render one as the document its signatories sign (PDF).",
        subcommands = {AgreementCommand.Check.class, AgreementCommand.Render.class})
final class AgreementCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options both subcommands share. */
    static class Signatures {

        @Option(names = "--schemas", paramLabel = "DIR", description = "the schemas folder (default: schemas beside the agreements folder)")
        Path schemas;

        @Option(names = "--require-signatures", description = "refuse an agreement that a listed signatory has not validly signed, as accord.agreements.require-signatures=true does")
        boolean requireSignatures;

        @Option(names = "--signatory-trust-anchors", paramLabel = "FILES", description = "the signatories' CA certificates (PEM, comma-separated), as accord.agreements.signatory-trust-anchors")
        String trustAnchors;

        Path schemas(Path agreementsFolder) {
            return schemas != null ? schemas : agreementsFolder.toAbsolutePath().resolveSibling("schemas");
        }

        SignaturePolicy policy() {
            return SignaturePolicy.of(requireSignatures, trustAnchors == null ? "" : trustAnchors);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a folder of agreements (organisations.yaml, the agreements, their signatures, history/) as the gateway loads it.")
    static final class Check implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FOLDER")
        Path folder;

        @CommandLine.Mixin
        Signatures signatures = new Signatures();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path schemas = signatures.schemas(folder);
            if (!Files.isDirectory(folder) || !Files.isDirectory(schemas)) {
                spec.commandLine().getErr().println("no such folder: " + (Files.isDirectory(folder) ? schemas : folder) + " (give --schemas)");
                return 2;
            }
            AgreementCatalogue.Result result = AgreementCatalogue.check(folder, schemas, signatures.policy(), Instant.now());
            result.problems().forEach(spec.commandLine().getOut()::println);
            if (!result.problems().isEmpty()) {
                spec.commandLine().getErr().println(result.problems().size() + " problem(s)");
                return PartnerTool.REJECTED;
            }
            AgreementCatalogue catalogue = result.catalogueOrNull();
            for (String id : catalogue.agreements().keySet().stream().sorted().toList()) {
                var version = catalogue.current(id).orElseThrow();
                spec.commandLine().getOut().println(id + " v" + version.agreement().version() + " sha256 " + version.sha256() + " "
                        + (version.fullySigned() ? "signed by every signatory" : "not signed by every signatory"));
            }
            spec.commandLine().getOut().println("OK: " + catalogue.agreements().size() + " agreement(s), "
                    + catalogue.organisations().size() + " organisation(s)");
            return 0;
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Render one agreement file as the document its signatories sign (PDF), with its SHA-256 and signatures.")
    static final class Render implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--out", required = true, paramLabel = "PDF")
        Path out;

        @CommandLine.Mixin
        Signatures signatures = new Signatures();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path folder = file.toAbsolutePath().getParent();
            Path schemas = signatures.schemas != null ? signatures.schemas
                    : Files.isDirectory(folder.resolveSibling("schemas")) ? folder.resolveSibling("schemas")
                    : folder.getParent().resolveSibling("schemas");
            AgreementDrafts.Draft draft = AgreementDrafts.read(file, schemas, signatures.policy(), Instant.now());
            draft.problems().forEach(spec.commandLine().getErr()::println);
            if (draft.documentOrNull() == null) {
                return PartnerTool.REJECTED;
            }
            Files.write(out, AgreementDocumentPdf.pdf(draft.documentOrNull()));
            spec.commandLine().getOut().println("rendered " + draft.documentOrNull().id() + " version " + draft.documentOrNull().version()
                    + " (SHA-256 " + draft.documentOrNull().sha256() + ") to " + out);
            return 0;
        }
    }
}
