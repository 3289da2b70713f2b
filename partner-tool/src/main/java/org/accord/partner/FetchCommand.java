package org.accord.partner;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.MessageRejectedException;
import org.accord.gateway.crypto.OpenedMessage;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Fetches everything waiting in the partner's mailbox, page after page, into a folder ({@code <transferId>.p7m}); with
 * {@code --open} also decrypts and verifies each ({@code <transferId>.json}); with {@code --ack} also
 * acknowledges each opened message with a signed receipt ({@code <transferId>.receipt.p7s}). A message that
 * fails to open is reported with its code and not acknowledged.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download every waiting message from an Accord mailbox; optionally open and acknowledge each with a signed receipt.")
final class FetchCommand implements Callable<Integer> {

    @Option(names = "--gateway", required = true, paramLabel = "URL", description = "the gateway's base URL, e.g. https://accord.uni.example")
    URI gateway;

    @Option(names = "--client-id", required = true, description = "your OAuth2 client id")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", defaultValue = "${env:ACCORD_CLIENT_SECRET}",
            description = "your OAuth2 client secret (default: the ACCORD_CLIENT_SECRET environment variable)")
    String clientSecret;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "the folder to download into")
    Path folder;

    @Option(names = "--open", description = "also decrypt and verify each message (needs --key, --cert, --ca)")
    boolean open;

    @Option(names = "--ack", description = "also acknowledge each opened message with a signed receipt (implies --open)")
    boolean ack;

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    PartnerKeys keys;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        boolean opening = open || ack;
        if (opening && keys == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--open and --ack need --key, --cert and --ca");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --client-secret or set ACCORD_CLIENT_SECRET");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Files.createDirectories(folder);
        GatewayApi api = GatewayApi.connect(gateway, clientId, clientSecret);
        int result = 0;
        String after = null;
        do {
            GatewayApi.MailboxPage page = api.mailbox(after);
            for (GatewayApi.Waiting waiting : page.messages()) {
                result = Math.max(result, fetch(api, waiting, opening, out, err));
            }
            after = page.next();
        } while (after != null);
        out.flush();
        return result;
    }

    /** Downloads one message, and opens and acknowledges it if asked; 0, or {@link PartnerTool#REJECTED}. */
    private int fetch(GatewayApi api, GatewayApi.Waiting waiting, boolean opening, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        String id = waiting.transferId();
        byte[] sealed = api.download(id);
        if (!Fingerprints.sha256Hex(sealed).equalsIgnoreCase(waiting.sealedSha256())) {
            err.println(id + " REJECTED DIGEST_MISMATCH");
            return PartnerTool.REJECTED;
        }
        Files.write(folder.resolve(id + ".p7m"), sealed);
        out.println(id + " downloaded (" + waiting.recordType() + " from " + waiting.sender() + ")");
        if (!opening) {
            return 0;
        }
        OpenedMessage opened;
        try {
            opened = MessageOpening.open(sealed, keys, clock);
        } catch (MessageRejectedException e) {
            err.println(id + " REJECTED " + e.code());
            return PartnerTool.REJECTED;
        }
        if (!id.equals(opened.transferId())) {
            err.println(id + " REJECTED TRANSFER_ID_MISMATCH");
            return PartnerTool.REJECTED;
        }
        Files.write(folder.resolve(id + ".json"), opened.content());
        out.println(id + " opened: signed by " + opened.signer().getSubjectX500Principal().getName() + " at " + opened.signingTime());
        if (ack) {
            byte[] receipt = MessageOpening.receipt(sealed, opened, keys, clock);
            Files.write(folder.resolve(id + ".receipt.p7s"), receipt);
            api.acknowledge(id, receipt);
            out.println(id + " acknowledged with signed receipt sha256=" + Fingerprints.sha256Hex(receipt));
        }
        return 0;
    }
}
