package org.accord.gateway.delivery;

import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.transfer.TransferRepository;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Sends each queued transfer to its channel's delivery: the mailbox, or a push over HTTPS or JMS. */
@Component
class DeliveryDispatcher {

    private static final String HTTPS = "https";
    private static final String JMS = "jms";

    private final TransferRepository transfers;
    private final MailboxDelivery mailbox;
    private final PushDelivery push;

    DeliveryDispatcher(TransferRepository transfers, MailboxDelivery mailbox, PushDelivery push) {
        this.transfers = transfers;
        this.mailbox = mailbox;
        this.push = push;
    }

    public void dispatch(String transferId, @Header("JMSXDeliveryCount") Integer deliveryCount) {
        String channel = transfers.findById(transferId).map(Transfer::channel).orElse(null);
        if (HTTPS.equals(channel) || JMS.equals(channel)) {
            push.deliver(transferId, deliveryCount == null ? 1 : deliveryCount);
        }
        else {
            mailbox.deliver(transferId);
        }
    }
}
