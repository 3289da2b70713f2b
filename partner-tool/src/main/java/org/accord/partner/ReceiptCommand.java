package org.accord.partner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.accord.gateway.crypto.MessageRejectedException;
import org.accord.gateway.crypto.OpenedMessage;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Makes a signed receipt for a message: opens and verifies it first (a receipt says it was received intact),
 * then signs {@code {"transferId","sealedSha256","receivedAt"}} as CMS SignedData with the partner's key.
 */
@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = "Verify a downloaded message and make a signed receipt for it (CMS SignedData, DER).")
final class ReceiptCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MESSAGE", description = "the message as downloaded (.p7m, DER)")
    Path message;

    @ArgGroup(exclusive = false, multiplicity = "1")
    PartnerKeys keys;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the receipt (default: MESSAGE with .receipt.p7s)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        byte[] sealed = Files.readAllBytes(message);
        OpenedMessage opened;
        try {
            opened = MessageOpening.open(sealed, keys, clock);
        } catch (MessageRejectedException e) {
            spec.commandLine().getErr().println("REJECTED " + e.code());
            return PartnerTool.REJECTED;
        }
        Path target = out != null ? out : message.resolveSibling(message.getFileName() + ".receipt.p7s");
        Files.write(target, MessageOpening.receipt(sealed, opened, keys, clock));
        spec.commandLine().getOut().println("receipt for transfer " + opened.transferId() + " written to " + target);
        return 0;
    }
}
