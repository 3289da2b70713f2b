package org.accord.gateway.transfer;

import org.springframework.data.repository.Repository;

/** Transfer ids already opened; a row is removed only when its message was refused before it became a transfer. */
interface SeenTransferRepository extends Repository<SeenTransfer, String> {

    SeenTransfer saveAndFlush(SeenTransfer seen);

    boolean existsById(String transferId);

    void deleteById(String transferId);
}
