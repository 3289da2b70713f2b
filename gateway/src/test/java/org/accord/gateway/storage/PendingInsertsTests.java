package org.accord.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.accord.gateway.support.TestH2;
import org.accord.gateway.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction's pending inserts on H2 and on PostgreSQL: written when it commits (on PostgreSQL as one statement for
 * every table), not at all when it rolls back, failing the commit whole on a clash, visible to the transaction's own
 * reads after a flush, and never lost when added late or outside a transaction.
 */
class PendingInsertsTests {

    private static final InsertInto PARENT = InsertInto.table("parent", "id", Types.VARCHAR, "size", Types.INTEGER,
            "at", Types.TIMESTAMP_WITH_TIMEZONE, "content", Types.VARBINARY, "flag", Types.BOOLEAN);
    private static final InsertInto CHILD = InsertInto.table("child", "parent_id", Types.VARCHAR, "note", Types.VARCHAR);

    enum Database { H2, POSTGRESQL }

    private static TestPostgres postgres;

    private final List<String> prepared = new ArrayList<>();
    private JdbcTemplate sql;
    private TransactionTemplate transactions;
    private PendingInserts inserts;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whenATransactionCommitsThenItsRowsAreWrittenInTheOrderTheirTablesWereFirstAdded(Database kind) throws Exception {
        use(kind);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        transactions.executeWithoutResult(status -> {
            inserts.add(PARENT, "p1", 1, at, new byte[] {1, 2, 3}, true);
            inserts.add(CHILD, "p1", "first");
            inserts.add(PARENT, "p2", null, null, null, null);
            inserts.add(CHILD, "p2", null);
            assertThat(prepared).as("nothing is written before the commit").isEmpty();
        });

        assertThat(sql.queryForList("select id, size, flag from parent order by id")).containsExactly(
                Map.of("id", "p1", "size", 1, "flag", true), nullRow("id", "p2", "size", "flag"));
        assertThat(sql.queryForObject("select at from parent where id = 'p1'", OffsetDateTime.class).toInstant()).isEqualTo(at);
        assertThat(sql.queryForObject("select content from parent where id = 'p1'", byte[].class)).containsExactly(1, 2, 3);
        assertThat(sql.queryForList("select note from child order by parent_id", String.class)).containsExactly("first", null);
        // The child rows reference the parent rows: they were inserted after them.
        assertThat(prepared).hasSize(kind == Database.POSTGRESQL ? 1 : 2);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whenATransactionRollsBackThenNoneOfItsRowsAreWritten(Database kind) throws Exception {
        use(kind);

        transactions.executeWithoutResult(status -> {
            inserts.add(PARENT, "p1", 1, null, null, false);
            status.setRollbackOnly();
        });

        assertThat(sql.queryForObject("select count(*) from parent", Integer.class)).isZero();
        assertThat(prepared).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whenARowClashesThenTheCommitFailsAndNothingOfTheTransactionStays(Database kind) throws Exception {
        use(kind);
        sql.update("insert into parent (id) values ('taken')");

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            inserts.add(PARENT, "new", 1, null, null, false);
            inserts.add(CHILD, "new", "kept?");
            inserts.add(PARENT, "taken", 2, null, null, false);
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(sql.queryForList("select id from parent", String.class)).containsExactly("taken");
        assertThat(sql.queryForObject("select count(*) from child", Integer.class)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whenATransactionFlushesThenItReadsItsOwnRows(Database kind) throws Exception {
        use(kind);

        Integer seen = transactions.execute(status -> {
            inserts.add(PARENT, "p1", 1, null, null, false);
            Integer before = sql.queryForObject("select count(*) from parent", Integer.class);
            inserts.flush();
            assertThat(before).isZero();
            return sql.queryForObject("select count(*) from parent", Integer.class);
        });

        assertThat(seen).isEqualTo(1);
        assertThat(sql.queryForObject("select count(*) from parent", Integer.class)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whenARowIsAddedAfterTheCommitsWriteOrOutsideATransactionThenItIsWrittenAtOnce(Database kind) throws Exception {
        use(kind);

        transactions.executeWithoutResult(status -> {
            inserts.add(PARENT, "p1", 1, null, null, false);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    inserts.add(CHILD, "p1", "late");
                }

                @Override
                public int getOrder() {
                    return Integer.MAX_VALUE;
                }
            });
        });
        inserts.add(PARENT, "p2", 2, null, null, false);

        assertThat(sql.queryForList("select id from parent order by id", String.class)).containsExactly("p1", "p2");
        assertThat(sql.queryForList("select note from child", String.class)).containsExactly("late");
    }

    private static Map<String, Object> nullRow(String idColumn, String id, String... nullColumns) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put(idColumn, id);
        for (String column : nullColumns) {
            row.put(column, null);
        }
        return row;
    }

    private void use(Database kind) throws Exception {
        DataSource database;
        String binary;
        if (kind == Database.H2) {
            database = TestH2.dataSource(TestH2.newDatabase("inserts"));
            binary = "varbinary(100)";
        }
        else {
            database = postgres.asSuperuser(postgres.newDatabase());
            binary = "bytea";
        }
        JdbcTemplate setup = new JdbcTemplate(database);
        setup.execute("create table parent (id varchar(10) primary key, size integer, at timestamp with time zone, content "
                + binary + ", flag boolean)");
        setup.execute("create table child (parent_id varchar(10) not null references parent (id), note varchar(20))");
        DataSource counted = counting(database);
        sql = new JdbcTemplate(counted);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(counted));
        inserts = new PendingInserts(sql);
        // The test's own reads go through the same template; count only the inserts.
        prepared.clear();
    }

    /** The data source, counting the inserts prepared on its connections. */
    private DataSource counting(DataSource database) {
        return new DelegatingDataSource(database) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") && String.valueOf(args[0]).startsWith("insert")) {
                                prepared.add((String) args[0]);
                            }
                            try {
                                return method.invoke(connection, args);
                            }
                            catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
