package org.accord.gateway.transfer;

import org.springframework.data.repository.Repository;

/** Transfer ids already opened; insert-only. */
interface SeenTransferRepository extends Repository<SeenTransfer, String> {

    SeenTransfer saveAndFlush(SeenTransfer seen);

    boolean existsById(String transferId);
}
