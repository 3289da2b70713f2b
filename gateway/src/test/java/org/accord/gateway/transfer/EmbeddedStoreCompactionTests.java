package org.accord.gateway.transfer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.FileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedStoreCompactionTests {

    @TempDir
    Path folder;

    @Test
    void whenRowsComeAndGoThenACompactedFileStaysSmallerThanOneLeftAlone() throws Exception {
        // The gateway's settings (a commit written at once, so H2 runs no background writer), with old chunks
        // reusable at once rather than after H2's 45 seconds, so that the test need not wait.
        JdbcDataSource compacted = dataSource("compacted", "WRITE_DELAY=0;RETENTION_TIME=0");
        JdbcDataSource leftAlone = dataSource("left-alone", "WRITE_DELAY=0;RETENTION_TIME=0");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EmbeddedStoreCompaction compaction = new EmbeddedStoreCompaction(compacted, meters, Duration.ofSeconds(30));
        int steps = 0;
        try (Connection one = compacted.getConnection(); Connection other = leftAlone.getConnection()) {
            createTable(one);
            createTable(other);
            for (int round = 0; round < 8; round++) {
                comeAndGo(one, round);
                comeAndGo(other, round);
                steps += compaction.compact();
            }
            assertThat(steps).isPositive();
            assertThat(meters.get("accord.storage.compaction.steps").counter().count()).isEqualTo(steps);
            assertThat(fileStore(one).size()).isLessThan(fileStore(other).size() * 3 / 4);
            try (Statement statement = one.createStatement();
                    var rows = statement.executeQuery("select count(*), sum(octet_length(content)) from message")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(8 * 20);
                assertThat(rows.getLong(2)).isEqualTo(8 * 20 * 4096L);
            }
        }
    }

    @Test
    void whenTheDatabaseIsInMemoryThenThereIsNothingToCompact() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:compaction-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        assertThat(new EmbeddedStoreCompaction(dataSource, new SimpleMeterRegistry(), Duration.ofSeconds(1)).compact()).isZero();
    }

    private JdbcDataSource dataSource(String name, String settings) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve(name) + ";" + settings);
        return dataSource;
    }

    private static void createTable(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table message (id int primary key, content varbinary(8192))");
        }
    }

    /** 200 rows committed one by one, nine in ten then deleted one by one: chunks left with little live data. */
    private static void comeAndGo(Connection connection, int round) throws Exception {
        byte[] content = new byte[4096];
        try (PreparedStatement insert = connection.prepareStatement("insert into message values (?, ?)")) {
            for (int i = round * 200; i < (round + 1) * 200; i++) {
                ThreadLocalRandom.current().nextBytes(content);
                insert.setInt(1, i);
                insert.setBytes(2, content);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from message where id = ?")) {
            for (int i = round * 200; i < (round + 1) * 200; i++) {
                if (i % 10 != 0) {
                    delete.setInt(1, i);
                    delete.executeUpdate();
                }
            }
        }
    }

    private static FileStore<?> fileStore(Connection connection) throws Exception {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore().getFileStore();
    }
}
