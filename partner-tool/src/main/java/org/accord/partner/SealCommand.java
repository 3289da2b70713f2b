package org.accord.partner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.Pem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Seals a message for an Accord gateway, as its inbound side expects: the content signed with the partner's key
 * (CMS SignedData with Accord's transfer id among the signed attributes) and encrypted for the gateway's
 * certificate (AES-256-GCM). The result is pushed to {@code POST /api/v1/inbound} or put on the inbound queue.
 */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = "Sign a message with your key and encrypt it for a gateway (CMS, DER), ready to push to its inbound side.")
final class SealCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MESSAGE", description = "the message JSON: sender, recipient, recordType, schemaVersion, purpose, record")
    Path message;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "your private key (PEM)")
    Path key;

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "your signing certificate (PEM)")
    Path cert;

    @Option(names = "--gateway-cert", required = true, paramLabel = "FILE", description = "the gateway's certificate to encrypt for (PEM)")
    Path gatewayCert;

    @Option(names = "--transfer-id", description = "the transfer id to seal under (default: a new UUID); a repeat with the same id is answered ALREADY_RECEIVED")
    String transferId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the sealed message (.p7m)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String id = transferId != null ? transferId : UUID.randomUUID().toString();
        byte[] sealed = new CmsSealer(Pem.readPrivateKey(key), List.of(Pem.readCertificate(cert)))
                .seal(Files.readAllBytes(message), id, Pem.readCertificate(gatewayCert)).der();
        Files.write(out, sealed);
        spec.commandLine().getOut().println("sealed transfer " + id + " written to " + out);
        return 0;
    }
}
