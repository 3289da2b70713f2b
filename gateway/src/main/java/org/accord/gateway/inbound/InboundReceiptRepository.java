package org.accord.gateway.inbound;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Receipts issued for inbound messages, by the partner's transfer id; kept as evidence, so insert-only. */
interface InboundReceiptRepository extends Repository<InboundReceipt, String> {

    InboundReceipt saveAndFlush(InboundReceipt receipt);

    Optional<InboundReceipt> findById(String partnerTransferId);
}
