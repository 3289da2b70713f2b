package org.accord.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Group commit against the gateway's real database: work queued while the writers are busy is committed
 * together, a second writer commits while the first is inside its transaction, and a piece that fails inside a
 * group fails alone while the rest still commit.
 */
class GroupCommitIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    private GroupCommit groupCommit;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MeterRegistry meters;

    @Test
    void whenOnePieceOfAGroupFailsThenOnlyItFailsAndTheOthersCommit() throws Exception {
        String batch = UUID.randomUUID().toString();
        String taken = batch.substring(0, 30) + "-taken";
        jdbc.update("insert into transfer_subject (transfer_id, subject_ref) values (?, ?)", taken, "group-commit-test");
        double fallbacksBefore = meters.counter("accord.group.commit.fallbacks").count();
        double groupsBefore = meters.summary("accord.group.commit.batch").count();

        int writers = (int) meters.get("accord.group.commit.writers").gauge().value();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(8 + writers);
        try {
            // A blocking piece holds each writer until the others are queued behind them, so they form one group.
            // Each blocker is queued only once the last one runs, so that none is taken into a group beside another.
            List<Future<Object>> blockers = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String id = batch.substring(0, 30) + "-b" + w;
                CountDownLatch started = new CountDownLatch(1);
                blockers.add(callers.submit(() -> groupCommit.run(() -> {
                    started.countDown();
                    await(release);
                    return insert(id);
                })));
                assertThat(started.await(30, TimeUnit.SECONDS)).as("writer %d runs its blocking piece", w + 1).isTrue();
            }
            List<Future<Object>> others = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = batch.substring(0, 30) + "-" + i;
                others.add(callers.submit(() -> groupCommit.run(() -> insert(id))));
            }
            Future<Object> clash = callers.submit(() -> groupCommit.run(() -> insert(taken)));
            // At least the seven; background work of the shared gateway (a delivery, say) may queue too.
            Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                    assertThat(meters.get("accord.group.commit.waiting").gauge().value()).as("queued behind the busy writer")
                            .isGreaterThanOrEqualTo(7));
            release.countDown();

            for (Future<Object> blocker : blockers) {
                assertThat(blocker.get(30, TimeUnit.SECONDS)).isNotNull();
            }
            for (Future<Object> other : others) {
                assertThat(other.get(30, TimeUnit.SECONDS)).isNotNull();
            }
            assertThatThrownBy(() -> clash.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DuplicateKeyException.class);
        }
        finally {
            release.countDown();
            callers.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from transfer_subject where transfer_id like ?", Long.class,
                batch.substring(0, 30) + "-%")).as("the blockers, the six others and the row the clash hit").isEqualTo(7 + writers);
        assertThat(meters.summary("accord.group.commit.batch").count() - groupsBefore).isGreaterThanOrEqualTo(2);
        assertThat(meters.summary("accord.group.commit.batch").max()).isGreaterThanOrEqualTo(7);
        assertThat(meters.counter("accord.group.commit.fallbacks").count() - fallbacksBefore).isGreaterThanOrEqualTo(1);
    }

    @Test
    void whenOneWriterIsInsideItsTransactionThenAnotherCommitsMeanwhile() throws Exception {
        assertThat(meters.get("accord.group.commit.writers").gauge().value()).as("the default writers").isEqualTo(2);
        String id = UUID.randomUUID().toString();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<Object> blocker = callers.submit(() -> groupCommit.run(() -> {
                started.countDown();
                await(release);
                return insert(id.substring(0, 26) + "-held");
            }));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Object> meanwhile = callers.submit(() -> groupCommit.run(() -> insert(id.substring(0, 26) + "-meanwhile")));

            assertThat(meanwhile.get(30, TimeUnit.SECONDS)).as("committed by the other writer").isNotNull();
            assertThat(blocker.isDone()).as("the first group is still open").isFalse();
            assertThat(jdbc.queryForObject("select count(*) from transfer_subject where transfer_id = ?", Long.class,
                    id.substring(0, 26) + "-meanwhile")).isEqualTo(1);
            release.countDown();
            assertThat(blocker.get(30, TimeUnit.SECONDS)).isNotNull();
        }
        finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void whenWorkThrowsThenTheCallerGetsItsExceptionAndNothingIsStored() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> groupCommit.run(() -> {
            insert(id);
            throw new IllegalStateException("refused after writing");
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused after writing");
        assertThat(jdbc.queryForObject("select count(*) from transfer_subject where transfer_id = ?", Long.class, id)).isZero();
    }

    private Object insert(String transferId) {
        jdbc.update("insert into transfer_subject (transfer_id, subject_ref) values (?, ?)", transferId, "group-commit-test");
        return transferId;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
