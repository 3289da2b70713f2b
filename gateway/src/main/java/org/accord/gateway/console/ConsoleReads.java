package org.accord.gateway.console;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.TransferLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Logs each console view of log data as an {@code AUDIT_READ} entry with the signed-in person as actor. */
@Component
class ConsoleReads {

    private static final int MAX_DETAIL = 500;

    private final TransferLog transferLog;

    ConsoleReads(TransferLog transferLog) {
        this.transferLog = transferLog;
    }

    void logged(Authentication reader, String transferId, String what) {
        String detail = "console " + what;
        transferLog.appendAlone(LogEntry.read(transferId, reader.getName(),
                detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail));
    }
}
