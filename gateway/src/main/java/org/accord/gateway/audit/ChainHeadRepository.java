package org.accord.gateway.audit;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ChainHeadRepository extends Repository<ChainHead, Integer> {

    /** Reads the head with a row lock held to the end of the transaction: integration and checkpoints are serialised here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from ChainHead h where h.id = 1")
    Optional<ChainHead> lockHead();

    @Query("select h from ChainHead h where h.id = 1")
    Optional<ChainHead> head();
}
