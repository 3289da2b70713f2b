package org.accord.partner;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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
 * by the gateway certificate given here (obtained independently, not taken from the export). Given several files,
 * the archive segments the gateway wrote under {@code accord.retention.archive-directory} and then the live log's
 * export, oldest first, it verifies them as one chain: each continues the one before, and a first file that does
 * not start at entry 1 must be anchored by a signed checkpoint.
 */
@Command(name = "verify-log", mixinStandardHelpOptions = true,
        description = "Verify a transfer-log export (GET /api/v1/audit/export) offline against the gateway's certificate; "
                + "with archive segments before it, oldest first, as one chain.")
final class VerifyLogCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "EXPORT", description = "archive segments, oldest first, then the live export (JSON lines)")
    List<Path> exports;

    @Option(names = "--gateway-cert", required = true, paramLabel = "PEM",
            description = "the gateway's signing certificate; repeat it for the certificates it signed with before a key rotation")
    List<Path> certificates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<X509Certificate> gateway = new ArrayList<>();
        for (Path certificate : certificates) {
            try (InputStream pem = Files.newInputStream(certificate)) {
                gateway.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem));
            }
        }
        ChainVerifier.Report report;
        List<InputStream> streams = new ArrayList<>();
        try {
            for (Path export : exports) {
                streams.add(Files.newInputStream(export));
            }
            report = LogExport.verify(streams, gateway);
        }
        finally {
            for (InputStream in : streams) {
                in.close();
            }
        }
        if (report.valid()) {
            spec.commandLine().getOut().printf("OK: %d entries, %d signed checkpoint(s), latest at entry %s%s%n", report.entriesChecked(),
                    report.checkpointsChecked(), report.latestCheckpoint() == null ? "-" : report.latestCheckpoint().chainIndex(),
                    report.firstEntry() > 1 ? ", from entry " + report.firstEntry() + " (anchored by a signed checkpoint)" : "");
            spec.commandLine().getOut().flush();
            return 0;
        }
        spec.commandLine().getErr().printf("BROKEN at entry %d: %s (%s)%n", report.firstBroken().chainIndex(), report.firstBroken().code(),
                report.firstBroken().message());
        return PartnerTool.REJECTED;
    }
}
