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

/** Decrypts and verifies one downloaded message; prints the record JSON, then who signed it and when. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Decrypt and verify a message downloaded from the mailbox; print its JSON, then who signed it and when.")
final class OpenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MESSAGE", description = "the message as downloaded (.p7m, DER)")
    Path message;

    @ArgGroup(exclusive = false, multiplicity = "1")
    PartnerKeys keys;

    @Option(names = "--out", paramLabel = "FILE", description = "write the JSON here instead of printing it")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        OpenedMessage opened;
        try {
            opened = MessageOpening.open(Files.readAllBytes(message), keys, clock);
        } catch (MessageRejectedException e) {
            spec.commandLine().getErr().println("REJECTED " + e.code());
            return PartnerTool.REJECTED;
        }
        if (out == null) {
            spec.commandLine().getOut().println(MessageOpening.text(opened).strip());
        } else {
            Files.write(out, opened.content());
        }
        MessageOpening.describe(opened, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
