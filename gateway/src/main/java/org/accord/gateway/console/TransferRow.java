package org.accord.gateway.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.TransferLogEntry;

/** A transfer or refusal in a console list: its opening entry and the latest step it reached. */
record TransferRow(String transferId, String receivedAt, String outcome, String code, String sender, String recipient,
        String recordType, String agreement, String latestStep, String latestStepAt) {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/London"));

    static TransferRow of(TransferLogEntry opening, TransferLogEntry latest) {
        TransferLogEntry last = latest == null ? opening : latest;
        return new TransferRow(opening.transferId(), WHEN.format(opening.recordedAt()), outcome(opening, last), codeOf(opening, last),
                opening.sender(), opening.recipient(), opening.recordType(),
                opening.agreementId() == null ? null : opening.agreementId() + " v" + opening.agreementVersion(),
                last.event().name(), WHEN.format(last.recordedAt()));
    }

    static List<TransferRow> of(List<TransferLogEntry> openings, Map<String, TransferLogEntry> latest) {
        return openings.stream().map(o -> of(o, latest.get(o.transferId()))).toList();
    }

    private static String outcome(TransferLogEntry opening, TransferLogEntry last) {
        if (opening.event() == LogEvent.REFUSED) {
            return "Refused";
        }
        return switch (last.outcome()) {
            case FAILED -> "Failed";
            case REFUSED -> "Refused";
            case OK -> "Accepted";
        };
    }

    private static String codeOf(TransferLogEntry opening, TransferLogEntry last) {
        return opening.code() != null ? opening.code() : last.code();
    }
}
