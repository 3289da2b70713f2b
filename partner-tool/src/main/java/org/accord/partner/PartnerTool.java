package org.accord.partner;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code accord-partner}: what a partner organisation needs to deal with an Accord gateway without running
 * one: open a sealed message, make a signed receipt for it, seal a message for the gateway's inbound side,
 * verify a receipt (its own or the gateway's), and fetch (optionally open and
 * acknowledge) everything waiting in its mailbox.
 *
 * <p>Exit codes: 0 success; 1 a message or receipt was rejected (the stable code is printed on standard
 * error); 2 wrong usage; 3 any other failure (files, network, the gateway's answer).
 */
@Command(name = "accord-partner", mixinStandardHelpOptions = true, version = "accord-partner 0.1.0",
        description = "Open and seal Accord messages, make and verify signed receipts, fetch from an Accord mailbox.",
        subcommands = {OpenCommand.class, ReceiptCommand.class, SealCommand.class, VerifyCommand.class, FetchCommand.class, VerifyLogCommand.class,
                SignAgreementCommand.class, AgreementCommand.class})
public final class PartnerTool implements Runnable {

    static final int REJECTED = 1;
    static final int FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Accord's exit codes for unexpected failures. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PartnerTool());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("FAILED " + e.getMessage());
            return FAILED;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
