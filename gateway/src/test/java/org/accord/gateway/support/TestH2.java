package org.accord.gateway.support;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Throwaway in-memory H2 databases with the compatibility settings the gateway's own H2 runs with (application.yml):
 * PostgreSQL mode, lower-case names, nulls sorted last. Each lives until the test JVM ends.
 */
public final class TestH2 {

    private TestH2() {
    }

    /** The URL of a new, empty database; {@code name} starts its name, for reading a failure. */
    public static String newDatabase(String name) {
        return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** A new database with the gateway's migrations applied. */
    public static DataSource migrated(String name) {
        String url = newDatabase(name);
        Flyway.configure().dataSource(url, "accord", "").locations("classpath:db/migration").load().migrate();
        return dataSource(url);
    }

    public static DataSource dataSource(String url) {
        return new DriverManagerDataSource(url, "accord", "");
    }
}
