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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends are written as one batch when their transaction commits, outside the chain, and the integrator then orders
 * them into it: what commits is integrated once each, in the order each transaction appended it, and verifies; the
 * transaction's own reads see what it appended; a rollback stores nothing.
 */
class TransferLogAppendIntegrationTests extends GatewayIntegrationTest {

    private static final TransferFacts FACTS = TransferFacts.of("uni-northbridge/safeguarding-lead", "ctp-nw-prevent",
            "prevent-referral", 1, "prevent-referral-assessment");

    @Autowired
    private TransferLog transferLog;

    @Autowired
    private GroupCommit groupCommit;

    @Autowired
    private LogIntegrity integrity;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void whenManyCallersAppendThroughGroupCommitThenEveryEntryIsStoredInChainOrderAndTheChainVerifies() throws Exception {
        String prefix = UUID.randomUUID().toString().substring(0, 24);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> appended = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String transferId = prefix + "-" + i;
                appended.add(callers.submit(() -> groupCommit.run(() -> {
                    transferLog.append(LogEntry.step(transferId, LogEvent.RECEIVED, "uni-northbridge", FACTS, null));
                    transferLog.append(LogEntry.step(transferId, LogEvent.SEALED, "gateway", FACTS, "ab".repeat(32)));
                    return null;
                })));
            }
            for (Future<?> each : appended) {
                each.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            callers.shutdownNow();
        }

        assertThat(integrity.verify().valid()).isTrue();
        List<Long> indexes = jdbc.queryForList("select c.chain_index from transfer_log e left join transfer_log_chain c on c.entry_seq = e.seq where e.transfer_id like ? order by e.seq",
                Long.class, prefix + "-%");
        assertThat(indexes).hasSize(80).doesNotContainNull().doesNotHaveDuplicates();
        for (int i = 0; i < 40; i++) {
            Long received = jdbc.queryForObject("select c.chain_index from transfer_log e left join transfer_log_chain c on c.entry_seq = e.seq where e.transfer_id = ? and e.event = 'RECEIVED'",
                    Long.class, prefix + "-" + i);
            Long sealed = jdbc.queryForObject("select c.chain_index from transfer_log e left join transfer_log_chain c on c.entry_seq = e.seq where e.transfer_id = ? and e.event = 'SEALED'",
                    Long.class, prefix + "-" + i);
            assertThat(sealed).as("SEALED after RECEIVED for transfer " + i).isGreaterThan(received);
        }
    }

    @Test
    void whenATransactionReadsTheLogAfterAppendingThenItSeesItsOwnEntries() {
        String transferId = UUID.randomUUID().toString();

        List<TransferLogEntry> seen = new TransactionTemplate(transactions).execute(status -> {
            transferLog.append(LogEntry.step(transferId, LogEvent.RECEIVED, "uni-northbridge", FACTS, null));
            transferLog.append(LogEntry.step(transferId, LogEvent.SEALED, "gateway", FACTS, "cd".repeat(32)));
            return transferLog.entriesFor(transferId);
        });

        assertThat(seen).extracting(TransferLogEntry::event).containsExactly(LogEvent.RECEIVED, LogEvent.SEALED);
        assertThat(seen).extracting(TransferLogEntry::chainIndex).containsOnlyNulls();

        assertThat(integrity.verify().valid()).isTrue();
        List<TransferLogEntry> integrated = transferLog.entriesFor(transferId);
        assertThat(integrated).hasSize(2).allMatch(TransferLogEntry::integrated);
        assertThat(integrated.get(1).chainIndex()).isGreaterThan(integrated.get(0).chainIndex());
    }

    @Test
    void whenTheTransactionRollsBackThenNothingIsStoredAndTheChainGoesOnUnbroken() {
        String transferId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            transferLog.append(LogEntry.step(transferId, LogEvent.RECEIVED, "uni-northbridge", FACTS, null));
            throw new IllegalStateException("refused after appending");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("select count(*) from transfer_log where transfer_id = ?", Long.class, transferId)).isZero();
        // An entry of the rolled-back transaction in the chain would be one the log does not hold.
        groupCommit.run(() -> {
            transferLog.append(LogEntry.step(UUID.randomUUID().toString(), LogEvent.RECEIVED, "uni-northbridge", FACTS, null));
            return null;
        });
        assertThat(integrity.verify().valid()).isTrue();
    }
}
