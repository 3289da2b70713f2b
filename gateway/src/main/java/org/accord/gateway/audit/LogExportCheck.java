package org.accord.gateway.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Offline verification of a transfer-log export: {@code LogExportCheck <export.jsonl> <gateway-certificate.pem>}.
 * Exit 0 when intact, 1 when broken (the first broken entry is printed), 2 on wrong usage.
 */
public final class LogExportCheck {

    private LogExportCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: LogExportCheck <export.jsonl> <gateway-certificate.pem>");
            return 2;
        }
        try (InputStream export = Files.newInputStream(Path.of(args[0])); InputStream pem = Files.newInputStream(Path.of(args[1]))) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            ChainVerifier.Report report = LogExport.verify(export, List.of(certificate));
            if (report.valid()) {
                out.printf("OK: %d entries, %d signed checkpoint(s), latest at entry %s%n", report.entriesChecked(),
                        report.checkpointsChecked(), report.latestCheckpoint() == null ? "-" : report.latestCheckpoint().chainIndex());
                return 0;
            }
            out.printf("BROKEN at entry %d: %s (%s)%n", report.firstBroken().chainIndex(), report.firstBroken().code(),
                    report.firstBroken().message());
            return 1;
        }
        catch (IOException | CertificateException | RuntimeException e) {
            err.println("Cannot verify: " + e.getMessage());
            return 2;
        }
    }
}
