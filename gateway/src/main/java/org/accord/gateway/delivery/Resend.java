package org.accord.gateway.delivery;

import java.time.Clock;

import org.accord.gateway.audit.LogEntry;
import org.accord.gateway.audit.LogEvent;
import org.accord.gateway.audit.LogOutcome;
import org.accord.gateway.audit.TransferLog;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.accord.gateway.transfer.TransferStatus;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues a failed transfer again, logging who asked. Only failed transfers can be resent; the resent transfer
 * gets its partner's full number of delivery attempts and its full time limit again, both counted from the resend.
 */
@Service
public class Resend {

    private final TransferRepository transfers;
    private final TransferLog transferLog;
    private final ProducerTemplate producer;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Resend(TransferRepository transfers, TransferLog transferLog, ProducerTemplate producer, TransactionTemplate transaction,
            Clock clock) {
        this.transfers = transfers;
        this.transferLog = transferLog;
        this.producer = producer;
        this.transaction = transaction;
        this.clock = clock;
    }

    public void requeue(String transferId, String actor) {
        boolean urgent = Boolean.TRUE.equals(transaction.execute(status -> {
            Transfer transfer = transfers.findById(transferId)
                    .orElseThrow(() -> new ApiProblemException(ProblemCode.NOT_FOUND, "No such transfer."));
            if (transfer.status() != TransferStatus.FAILED) {
                throw new ApiProblemException(ProblemCode.CONFLICT, "Only a failed transfer can be resent.");
            }
            transfer.requeueForResend(clock.instant());
            transferLog.append(new LogEntry(transferId, LogEvent.RESEND_REQUESTED, LogOutcome.OK, null, actor,
                    transfer.facts(), transfer.sealedSha256(), "resend by hand"));
            return transfer.urgent();
        }));
        producer.sendBodyAndHeader(DeliveryRoutes.HANDOVER, transferId, DeliveryRoutes.PRIORITY, DeliveryRoutes.priority(urgent));
    }
}
