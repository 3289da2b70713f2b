package org.accord.gateway.transfer;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Signed receipts by transfer id; kept as evidence, so there is no update or delete. */
public interface TransferReceiptRepository extends Repository<TransferReceipt, String> {

    TransferReceipt save(TransferReceipt receipt);

    Optional<TransferReceipt> findById(String transferId);
}
