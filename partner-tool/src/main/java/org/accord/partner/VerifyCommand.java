package org.accord.partner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.Pem;
import org.accord.gateway.crypto.ReceiptRejectedException;
import org.accord.gateway.crypto.ReceiptVerifier;
import org.accord.gateway.crypto.VerifiedReceipt;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Verifies a signed receipt the way the gateway does, for example one a sender downloaded from the gateway. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a signed receipt: signature, signer certificate, transfer id and message digest.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RECEIPT", description = "the receipt (.p7s, DER)")
    Path receipt;

    @Option(names = "--signer", required = true, paramLabel = "FILE", description = "the partner certificate the receipt must be signed with (PEM)")
    Path signer;

    @Option(names = "--ca", required = true, paramLabel = "FILE", description = "the CA certificate that issued it (PEM)")
    Path ca;

    @Option(names = "--transfer-id", required = true, description = "the transfer the receipt must name")
    String transferId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Digest digest;

    static final class Digest {
        @Option(names = "--message", paramLabel = "FILE", description = "the sealed message the receipt is for")
        Path message;

        @Option(names = "--sealed-sha256", description = "or its SHA-256 (hex), as GET /api/v1/transfers/{id} shows it")
        String sealedSha256;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        String sealedSha256 = digest.sealedSha256 != null ? digest.sealedSha256 : Fingerprints.sha256Hex(Files.readAllBytes(digest.message));
        VerifiedReceipt verified;
        try {
            verified = new ReceiptVerifier(clock).verify(Files.readAllBytes(receipt), transferId, sealedSha256,
                    List.of(Pem.readCertificate(ca)), List.of(Pem.readCertificate(signer)));
        } catch (ReceiptRejectedException e) {
            spec.commandLine().getErr().println("RECEIPT_INVALID " + e.reason());
            return PartnerTool.REJECTED;
        }
        spec.commandLine().getOut().println("VALID receipt for transfer " + verified.content().transferId());
        spec.commandLine().getOut().println("signed-by:      " + verified.signerSubject());
        spec.commandLine().getOut().println("signed-at:      " + verified.signingTime());
        spec.commandLine().getOut().println("received-at:    " + verified.content().receivedAt());
        spec.commandLine().getOut().println("receipt-sha256: " + verified.sha256Hex());
        return 0;
    }
}
