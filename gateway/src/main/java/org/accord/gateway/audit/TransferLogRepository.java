package org.accord.gateway.audit;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Append and read only: no update or delete methods exist. */
interface TransferLogRepository extends Repository<TransferLogEntry, Long> {

    Page<TransferLogEntry> findAllByOrderBySeqAsc(Pageable page);

    Page<TransferLogEntry> findByTransferIdOrderBySeqAsc(String transferId, Pageable page);

    List<TransferLogEntry> findByTransferIdOrderBySeqAsc(String transferId);

    long countByTransferId(String transferId);

    List<TransferLogEntry> findByChainIndexGreaterThanOrderByChainIndexAsc(long after, Pageable page);
}
