package org.accord.gateway.transfer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Transfers; there is deliberately no delete. Counts are {@code count(*)}, not {@code count(t)} (which counts the id):
 * PostgreSQL then answers them from an index alone wherever vacuum has marked the table's pages all-visible, some
 * eight times faster over a long backlog (docs/benchmarks-round-trips.md).
 */
public interface TransferRepository extends Repository<Transfer, String> {

    Transfer save(Transfer transfer);

    Optional<Transfer> findById(String id);

    /**
     * The transfer, its row locked until the caller's transaction ends: a download or acknowledgement and a
     * retention purge of the same message take turns, so none reads a message the other has just deleted.
     */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Transfer t where t.id = :id")
    Optional<Transfer> findByIdLocked(String id);

    Optional<Transfer> findBySenderAndIdempotencyKey(String sender, String idempotencyKey);

    /**
     * The first of {@code recipient}'s transfers in {@code statuses} and {@code directions}, in listing order: urgent
     * ones first, then by when they were made, then by id. The index on {@code (recipient, status)} finds them, so a page costs in
     * proportion to the recipient's waiting transfers (bounded by its backlog limit), not to the whole table.
     */
    @Query("select t from Transfer t where t.recipient = :recipient and t.status in :statuses and t.direction in :directions "
            + "order by t.urgent desc, t.createdAt, t.id")
    List<Transfer> findForRecipient(String recipient, Collection<TransferStatus> statuses, Collection<String> directions,
            Limit limit);

    /** The first of {@code recipient}'s routine ({@code urgent} false) or urgent transfers, by when made, then by id. */
    @Query("select t from Transfer t where t.recipient = :recipient and t.status in :statuses and t.direction in :directions "
            + "and t.urgent = :urgent order by t.createdAt, t.id")
    List<Transfer> findForRecipientByUrgency(String recipient, Collection<TransferStatus> statuses, Collection<String> directions,
            boolean urgent, Limit limit);

    /**
     * As {@link #findForRecipientByUrgency}, those after the transfer made at {@code createdAt} with id {@code id}
     * (keyset paging). The first condition on {@code createdAt} is implied by the second; it is there so that a database
     * can use it as a range.
     */
    @Query("select t from Transfer t where t.recipient = :recipient and t.status in :statuses and t.direction in :directions "
            + "and t.urgent = :urgent and t.createdAt >= :createdAt and (t.createdAt > :createdAt or t.id > :id) "
            + "order by t.createdAt, t.id")
    List<Transfer> findForRecipientAfter(String recipient, Collection<TransferStatus> statuses, Collection<String> directions,
            boolean urgent, Instant createdAt, String id, Limit limit);

    @Query("select count(*) from Transfer t where t.recipient = :recipient and t.status in :statuses "
            + "and t.direction in :directions")
    long countForRecipient(String recipient, Collection<TransferStatus> statuses, Collection<String> directions);

    /** The transfers that answer {@code original}, oldest first. */
    List<Transfer> findByInReplyToOrderByCreatedAt(String original);

    /** Which of {@code ids} are urgent transfers. */
    @Query("select t.id from Transfer t where t.id in :ids and t.urgent = true")
    java.util.Set<String> findUrgentAmong(Collection<String> ids);

    @Query("select t.id from Transfer t where t.status = :status and t.updatedAt < :before order by t.updatedAt")
    List<String> findIdsStuckIn(TransferStatus status, Instant before, Pageable page);

    /**
     * Moves a transfer on only if it is still at {@code expected}; returns the number of rows changed. The row
     * version moves on too, so a transaction that read the transfer before this update cannot write its old
     * status back over the new one.
     */
    @Modifying
    @Query("update Transfer t set t.status = :next, t.updatedAt = :now, t.rowVersion = t.rowVersion + 1 "
            + "where t.id = :id and t.status = :expected")
    int advance(String id, TransferStatus expected, TransferStatus next, Instant now);

    @Query("select count(*) from Transfer t where t.status = :status")
    long countByStatus(TransferStatus status);

    List<Transfer> findByStatusOrderByUpdatedAtDesc(TransferStatus status, Pageable page);

    @Query("select count(*) from Transfer t where t.recipient = :recipient and t.status in :statuses")
    long countByRecipientAndStatusIn(String recipient, Collection<TransferStatus> statuses);

    /** For each recipient with transfers at one of {@code statuses}, how many it has (one number per recipient). */
    @Query("select count(*) from Transfer t where t.status in :statuses group by t.recipient")
    List<Long> countPerRecipient(Collection<TransferStatus> statuses);

    long count();
}
