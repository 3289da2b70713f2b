package org.accord.gateway.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface LogCheckpointRepository extends Repository<LogCheckpoint, Long> {

    LogCheckpoint save(LogCheckpoint checkpoint);

    List<LogCheckpoint> findAllByOrderByChainIndexAsc();

    Optional<LogCheckpoint> findFirstByOrderByChainIndexDesc();
}
