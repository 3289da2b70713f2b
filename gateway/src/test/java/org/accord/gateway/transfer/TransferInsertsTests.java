package org.accord.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.accord.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transfer inserted with a transaction's pending rows is the row the persistence context would have written: every
 * column the same, read back as the same entity, with its sealed message.
 */
class TransferInsertsTests extends GatewayIntegrationTest {

    @Autowired
    private TransferInserts inserts;

    @Autowired
    private TransferRepository transfers;

    @Autowired
    private StoredMessageRepository messages;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void whenATransferIsInsertedWithThePendingRowsThenItsRowIsTheOneThePersistenceContextWrites() {
        Instant now = Instant.now();
        Transfer byEntity = transfer(now);
        Transfer byRows = transfer(now);
        byte[] sealed = {48, -126, 1, 2, 3};
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        transactions.executeWithoutResult(status -> {
            transfers.save(byEntity);
            messages.save(new StoredMessage(byEntity.id(), sealed));
        });
        transactions.executeWithoutResult(status -> inserts.insert(byRows, sealed));

        Map<String, Object> expected = row(byEntity.id());
        Map<String, Object> actual = row(byRows.id());
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(actual).isEqualTo(expected);
        assertThat(expected.get("urgent")).isEqualTo(true);
        assertThat(expected.get("collect_by")).isNotNull();

        Transfer read = transfers.findById(byRows.id()).orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("id", "idempotencyKey", "fresh")
                .isEqualTo(transfers.findById(byEntity.id()).orElseThrow());
        assertThat(messages.findById(byRows.id()).orElseThrow().content()).containsExactly(sealed);
    }

    /** Every column of the transfer's row but its id and idempotency key, which two transfers cannot share. */
    private Map<String, Object> row(String id) {
        Map<String, Object> row = new HashMap<>(jdbc.queryForMap("select * from transfer where id = ?", id));
        row.keySet().removeIf(column -> column.equalsIgnoreCase("id") || column.equalsIgnoreCase("idempotency_key"));
        Map<String, Object> lower = new HashMap<>();
        row.forEach((column, value) -> lower.put(column.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }

    private static Transfer transfer(Instant now) {
        String id = UUID.randomUUID().toString();
        Transfer transfer = new Transfer(new TransferDraft(id, "uni-northbridge", "police-nw", "prevent-referral", 1, "assess",
                "outbound", "isa-test", 2, "a".repeat(64), "mailbox", "police-nw-mailbox", "b".repeat(64), "c".repeat(64), 5,
                "key-" + id, "d".repeat(64), "in-reply-to-1", "partner-transfer-1"), now);
        transfer.markUrgent();
        transfer.moveTo(TransferStatus.AVAILABLE, now.plusMillis(1));
        transfer.collectBy(now.plus(7, ChronoUnit.DAYS));
        return transfer;
    }
}
