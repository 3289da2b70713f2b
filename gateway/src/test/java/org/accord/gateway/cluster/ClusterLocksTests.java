package org.accord.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.accord.gateway.support.TestH2;
import org.accord.gateway.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two gateways' lock providers, as {@link ClusterLockConfiguration} makes them, on one database: H2 as in
 * development, and PostgreSQL migrated as the owner and used as the application role, as in production. A job
 * runs on one gateway at a time; a lock left by a gateway that died ends after {@code lockAtMostFor} and another
 * gateway runs the job; and the database's clock decides, not the gateways'.
 */
class ClusterLocksTests {

    private static final String JOB = "test-job";

    enum Database { H2, POSTGRESQL }

    private static TestPostgres postgres;

    private final ExecutorService gatewayOne = Executors.newSingleThreadExecutor();
    private Database kind;
    private DataSource database;
    private JdbcTemplate sql;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @AfterEach
    void stop() {
        gatewayOne.shutdownNow();
        ClockProvider.setClock(Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whenTwoGatewaysStartTheSameJobAtOnceThenOnlyOneRunsIt(Database kind) throws Throwable {
        use(kind);
        LockingTaskExecutor first = executor("gateway-1");
        LockingTaskExecutor second = executor("gateway-2");
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        Future<TaskResult<Integer>> held = gatewayOne.submit(() -> runOrFail(first, () -> {
            runs.incrementAndGet();
            running.countDown();
            assertThat(finish.await(60, TimeUnit.SECONDS)).isTrue();
            return 1;
        }, job(Duration.ofMinutes(10), Duration.ZERO)));
        assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();
        TaskResult<Integer> whileHeld = second.executeWithLock(runs::incrementAndGet, job(Duration.ofMinutes(10), Duration.ZERO));
        finish.countDown();

        assertThat(held.get(60, TimeUnit.SECONDS).wasExecuted()).isTrue();
        assertThat(whileHeld.wasExecuted()).isFalse();
        assertThat(runs).hasValue(1);

        TaskResult<Integer> afterwards = second.executeWithLock(runs::incrementAndGet, job(Duration.ofMinutes(10), Duration.ZERO));
        assertThat(afterwards.wasExecuted()).as("released when the first run ended").isTrue();
        assertThat(runs).hasValue(2);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whenAGatewayDiesHoldingAJobThenAnotherRunsItOnceLockAtMostForHasPassed(Database kind) throws Throwable {
        use(kind);
        Duration lockAtMostFor = Duration.ofSeconds(4);
        LockingTaskExecutor second = executor("gateway-2");
        AtomicInteger runs = new AtomicInteger();

        Optional<SimpleLock> neverReleased = provider("gateway-1").lock(job(lockAtMostFor, Duration.ZERO));
        TaskResult<Integer> whileHeld = second.executeWithLock(runs::incrementAndGet, job(lockAtMostFor, Duration.ZERO));
        Instant lockedUntil = lockedUntil();
        assertThat(neverReleased).isPresent();
        assertThat(whileHeld.wasExecuted()).isFalse();
        assertThat(Duration.between(lockedAt(), lockedUntil)).isEqualTo(lockAtMostFor);

        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> !databaseNow().isBefore(lockedUntil));
        TaskResult<Integer> afterwards = second.executeWithLock(runs::incrementAndGet, job(lockAtMostFor, Duration.ZERO));

        assertThat(afterwards.wasExecuted()).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(sql.queryForObject("select locked_by from shedlock where name = ?", String.class, JOB)).isEqualTo("gateway-2");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whenTheGatewaysClocksDisagreeThenTheDatabaseClockDecides(Database kind) throws Throwable {
        use(kind);
        AtomicInteger runs = new AtomicInteger();
        Optional<SimpleLock> held = provider("gateway-1").lock(job(Duration.ofHours(1), Duration.ZERO));

        // The second gateway's clock is a day fast: by its own clock the first gateway's lock ran out long ago.
        ClockProvider.setClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));
        TaskResult<Integer> fastClock = executor("gateway-2").executeWithLock(runs::incrementAndGet,
                job(Duration.ofHours(1), Duration.ZERO));

        assertThat(held).isPresent();
        assertThat(fastClock.wasExecuted()).isFalse();
        assertThat(runs).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whenARunHoldsItsLockAtLeastForAPeriodThenNoGatewayRunsTheJobAgainWithinIt(Database kind) throws Throwable {
        use(kind);
        AtomicInteger runs = new AtomicInteger();
        LockConfiguration daily = job(Duration.ofHours(24), Duration.ofHours(21));

        TaskResult<Integer> first = executor("gateway-1").executeWithLock(runs::incrementAndGet, daily);
        TaskResult<Integer> again = executor("gateway-1").executeWithLock(runs::incrementAndGet, daily);
        TaskResult<Integer> other = executor("gateway-2").executeWithLock(runs::incrementAndGet, daily);

        assertThat(first.wasExecuted()).isTrue();
        assertThat(again.wasExecuted()).isFalse();
        assertThat(other.wasExecuted()).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(Duration.between(lockedAt(), lockedUntil())).isEqualTo(Duration.ofHours(21));
    }

    private static <T> TaskResult<T> runOrFail(LockingTaskExecutor executor, LockingTaskExecutor.TaskWithResult<T> task,
            LockConfiguration job) {
        try {
            return executor.executeWithLock(task, job);
        }
        catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void use(Database kind) throws Exception {
        this.kind = kind;
        if (kind == Database.H2) {
            database = TestH2.migrated("locks");
        }
        else {
            String url = postgres.newDatabase();
            postgres.migrate(url);
            database = postgres.asApplication(url);
        }
        sql = new JdbcTemplate(database);
    }

    private LockProvider provider(String gateway) {
        return ClusterLockConfiguration.lockProvider(database, gateway);
    }

    private LockingTaskExecutor executor(String gateway) {
        return new DefaultLockingTaskExecutor(provider(gateway));
    }

    private static LockConfiguration job(Duration lockAtMostFor, Duration lockAtLeastFor) {
        return new LockConfiguration(ClockProvider.now(), JOB, lockAtMostFor, lockAtLeastFor);
    }

    private Instant lockedUntil() {
        return sql.queryForObject("select lock_until from shedlock where name = ?", Timestamp.class, JOB).toInstant();
    }

    private Instant lockedAt() {
        return sql.queryForObject("select locked_at from shedlock where name = ?", Timestamp.class, JOB).toInstant();
    }

    /** Now by the clock ShedLock writes with: the database's, as a timestamp without time zone like the lock row's. */
    private Instant databaseNow() {
        String now = kind == Database.H2 ? "select cast(current_timestamp(3) as timestamp)" : "select timezone('utc', current_timestamp)";
        return sql.queryForObject(now, Timestamp.class).toInstant();
    }
}
