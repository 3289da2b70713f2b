package org.accord.partner;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;

import org.accord.gateway.audit.ChainVerifier;
import org.accord.gateway.audit.LogExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Verifies a transfer-log export offline: every entry's hash and link, no gaps, and every checkpoint signed
 * by the gateway certificate given here (obtained independently, not taken from the export).
 */
@Command(name = "verify-log", mixinStandardHelpOptions = true,
        description = "Verify a transfer-log export (GET /api/v1/audit/export) offline against the gateway's certificate.")
final class VerifyLogCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXPORT", description = "the export, JSON lines")
    Path export;

    @Option(names = "--gateway-cert", required = true, paramLabel = "PEM", description = "the gateway's signing certificate")
    Path certificate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        X509Certificate gateway;
        try (InputStream pem = Files.newInputStream(certificate)) {
            gateway = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
        ChainVerifier.Report report;
        try (InputStream in = Files.newInputStream(export)) {
            report = LogExport.verify(in, List.of(gateway));
        }
        if (report.valid()) {
            spec.commandLine().getOut().printf("OK: %d entries, %d signed checkpoint(s), latest at entry %s%n", report.entriesChecked(),
                    report.checkpointsChecked(), report.latestCheckpoint() == null ? "-" : report.latestCheckpoint().chainIndex());
            spec.commandLine().getOut().flush();
            return 0;
        }
        spec.commandLine().getErr().printf("BROKEN at entry %d: %s (%s)%n", report.firstBroken().chainIndex(), report.firstBroken().code(),
                report.firstBroken().message());
        return PartnerTool.REJECTED;
    }
}
