package org.accord.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.accord.gateway.transfer.GroupCommit;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log integrator orders committed entries into one hash chain: by itself within its delay, once each when the
 * integrators of several gateways race over one database, and on after an integrator holding the chain head dies.
 */
class LogIntegratorIntegrationTests extends GatewayIntegrationTest {

    private static final TransferFacts FACTS = TransferFacts.of("uni-northbridge/safeguarding-lead", "ctp-nw-prevent",
            "prevent-referral", 1, "prevent-referral-assessment");

    @Autowired
    private TransferLog transferLog;

    @Autowired
    private GroupCommit groupCommit;

    @Autowired
    private LogIntegrity integrity;

    @Autowired
    private LogIntegrator integrator;

    @Autowired
    private ChainHeadRepository heads;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private Clock clock;

    @Autowired
    private EntityManager entityManager;

    @Test
    void whenEntriesAreCommittedThenTheRunningIntegratorPlacesThemAndRecordsTheirDelay() {
        String transferId = UUID.randomUUID().toString();
        long delaysBefore = meters.get("accord.log.integration.delay").timer().count();

        append(transferId, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from transfer_log e left join transfer_log_chain c on c.entry_seq = e.seq where e.transfer_id = ? and c.chain_index is not null", Long.class, transferId) == 3);
        assertThat(meters.get("accord.log.integration.delay").timer().count()).isGreaterThanOrEqualTo(delaysBefore + 3);
        assertThat(integrity.verify().valid()).isTrue();
    }

    @Test
    void whenTheIntegratorsOfTwoGatewaysRaceThenEveryEntryIsPlacedOnceInOneChain() throws Exception {
        LogIntegrator otherGateway = new LogIntegrator(jdbc, transactions, heads, clock, new SimpleMeterRegistry(), 7, Duration.ofMillis(1));
        String prefix = UUID.randomUUID().toString().substring(0, 24);
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> integrating = List.of(threads.submit(() -> integrateWhile(integrator, appending)),
                    threads.submit(() -> integrateWhile(otherGateway, appending)));
            List<Future<?>> appended = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String transferId = prefix + "-" + i;
                appended.add(threads.submit(() -> append(transferId, 2)));
            }
            for (Future<?> each : appended) {
                each.get(60, TimeUnit.SECONDS);
            }
            appending.set(false);
            for (Future<?> each : integrating) {
                each.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            threads.shutdownNow();
        }

        assertThat(integrity.verify().valid()).isTrue();
        assertThat(jdbc.queryForList("select c.chain_index from transfer_log e left join transfer_log_chain c on c.entry_seq = e.seq where e.transfer_id like ?", Long.class, prefix + "-%"))
                .hasSize(120).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from transfer_log_chain", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(distinct entry_seq) from transfer_log_chain", Long.class))
                .isEqualTo(jdbc.queryForObject("select max(chain_index) from transfer_log_chain", Long.class));
    }

    @Test
    void whenAGatewayDiesHoldingTheChainHeadThenAnotherGatewaysIntegratorCarriesOn() throws Exception {
        LogIntegrator otherGateway = new LogIntegrator(jdbc, transactions, heads, clock, new SimpleMeterRegistry(), 1000, Duration.ofSeconds(1));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch die = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> dyingGateway = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                heads.lockHead().orElseThrow();
                holding.countDown();
                awaitQuietly(die);
                throw new IllegalStateException("the gateway's connection is gone");
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            String transferId = UUID.randomUUID().toString();
            append(transferId, 2);
            Future<Integer> carriedOn = threads.submit(otherGateway::integrateOnce);
            die.countDown();
            assertThat(dyingGateway).failsWithin(Duration.ofSeconds(30));
            carriedOn.get(30, TimeUnit.SECONDS);
            otherGateway.integrateAll();
            assertThat(jdbc.queryForObject("select count(*) from transfer_log e left join transfer_log_chain c on c.entry_seq = e.seq where e.transfer_id = ? and c.chain_index is not null",
                    Long.class, transferId)).isEqualTo(2);
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(integrity.verify().valid()).isTrue();
    }

    @Test
    void whenTheWholeChainIsWalkedInOneTransactionThenNoEntryReadStaysInMemory() {
        append(UUID.randomUUID().toString(), 3);
        long head = integrity.headIndex();
        long[] walked = { 0 };

        Integer managed = new TransactionTemplate(transactions).execute(status -> {
            integrity.forEachEntry(head, e -> walked[0]++);
            return entityManager.unwrap(Session.class).getStatistics().getEntityCount();
        });

        assertThat(walked[0]).isEqualTo(head);
        assertThat(managed).isZero();
    }

    private void append(String transferId, int entries) {
        groupCommit.run(() -> {
            for (int i = 0; i < entries; i++) {
                transferLog.append(LogEntry.step(transferId, i == 0 ? LogEvent.RECEIVED : LogEvent.SEALED, "uni-northbridge", FACTS, null));
            }
            return null;
        });
    }

    private static void integrateWhile(LogIntegrator integrator, AtomicBoolean appending) {
        while (appending.get()) {
            integrator.integrateOnce();
        }
        integrator.integrateOnce();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
