package org.accord.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.support.GatewayIntegrationTest;
import org.accord.gateway.transfer.GroupCommit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subject references are written as one batch when their transaction commits: its own reads already see them, a
 * rollback leaves none, and in a group commit a clash fails only the piece that caused it.
 */
class SubjectReferencesIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    private SubjectReferences subjects;

    @Autowired
    private GroupCommit groupCommit;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void whenRecordedThenTheTransactionsOwnSearchFindsThemAndSoDoesEveryoneAfterTheCommit() {
        String transfer = UUID.randomUUID().toString();
        String ref = "ref-" + UUID.randomUUID();

        List<String> seenInside = new TransactionTemplate(transactionManager).execute(status -> {
            subjects.record(transfer, List.of(ref, ref));
            return subjects.transfersWith(List.of(ref));
        });

        assertThat(seenInside).containsExactly(transfer);
        assertThat(subjects.transfersWith(List.of(ref))).containsExactly(transfer);
        assertThat(rows(transfer)).as("the repeated reference is stored once").isEqualTo(1);
    }

    @Test
    void whenTheTransactionRollsBackThenNoReferenceIsStored() {
        String transfer = UUID.randomUUID().toString();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            subjects.record(transfer, List.of("ref-" + UUID.randomUUID()));
            status.setRollbackOnly();
        });

        assertThat(rows(transfer)).isZero();
    }

    @Test
    void whenATransactionInsideAnotherRecordsThenItsReferencesCommitWithItAlone() {
        String outer = UUID.randomUUID().toString();
        String inner = UUID.randomUUID().toString();
        TransactionTemplate requiresNew = new TransactionTemplate(transactionManager);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            subjects.record(outer, List.of("ref-" + UUID.randomUUID()));
            requiresNew.executeWithoutResult(s -> subjects.record(inner, List.of("ref-" + UUID.randomUUID())));
            status.setRollbackOnly();
        });

        assertThat(rows(inner)).as("committed by the inner transaction").isEqualTo(1);
        assertThat(rows(outer)).as("rolled back with the outer one").isZero();
    }

    @Test
    void whenOnePieceOfAGroupClashesThenOnlyItFails() throws Exception {
        String taken = UUID.randomUUID().toString();
        jdbc.update("insert into transfer_subject (transfer_id, subject_ref) values (?, ?)", taken, "ref-taken");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<String> transfers = new ArrayList<>();
            List<Future<String>> pieces = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String transfer = UUID.randomUUID().toString();
                transfers.add(transfer);
                pieces.add(callers.submit(() -> groupCommit.run(() -> {
                    subjects.record(transfer, List.of("ref-" + transfer));
                    return transfer;
                })));
            }
            Future<String> clash = callers.submit(() -> groupCommit.run(() -> {
                subjects.record(taken, List.of("ref-taken"));
                return taken;
            }));

            for (Future<String> piece : pieces) {
                assertThat(piece.get(30, TimeUnit.SECONDS)).isNotNull();
            }
            assertThatThrownBy(() -> clash.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DuplicateKeyException.class);
            for (String transfer : transfers) {
                assertThat(rows(transfer)).isEqualTo(1);
            }
            assertThat(rows(taken)).isEqualTo(1);
        }
        finally {
            callers.shutdownNow();
        }
    }

    private long rows(String transfer) {
        return jdbc.queryForObject("select count(*) from transfer_subject where transfer_id = ?", Long.class, transfer);
    }
}
