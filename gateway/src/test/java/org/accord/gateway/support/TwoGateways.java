package org.accord.gateway.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two gateways sharing one database, cut down to one cluster-wide job: each is a small Spring context with the
 * production cluster lock configuration ({@code org.accord.gateway.cluster}), the properties given, and the job
 * and collaborators the test registers for it; both use one H2 database migrated by Flyway. Nothing is scheduled:
 * the test calls the job's method on either gateway's bean (the proxied one) and sees which gateway ran it.
 */
public final class TwoGateways implements AutoCloseable {

    private final JdbcTemplate database;
    private final List<AnnotationConfigApplicationContext> gateways = new ArrayList<>();

    private TwoGateways(JdbcTemplate database) {
        this.database = database;
    }

    /** Starts gateways 1 and 2; {@code beans} registers the job and its collaborators for the numbered gateway. */
    public static TwoGateways start(Map<String, Object> properties, BiConsumer<Integer, AnnotationConfigApplicationContext> beans) {
        DataSource dataSource = TestH2.migrated("cluster");
        TwoGateways cluster = new TwoGateways(new JdbcTemplate(dataSource));
        for (int number = 1; number <= 2; number++) {
            AnnotationConfigApplicationContext gateway = new AnnotationConfigApplicationContext();
            // As SpringApplication does: the conversions the gateway's expressions and placeholders meet when it runs.
            gateway.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
            gateway.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
            gateway.registerBean(DataSource.class, () -> dataSource);
            gateway.scan("org.accord.gateway.cluster");
            beans.accept(number, gateway);
            gateway.refresh();
            cluster.gateways.add(gateway);
        }
        return cluster;
    }

    public ApplicationContext gateway(int number) {
        return gateways.get(number - 1);
    }

    /** How long past the moment it was taken a job's lock lasts, by the database's clock; zero if never taken. */
    public Duration heldFor(String lock) {
        List<Duration> held = database.query("select locked_at, lock_until from shedlock where name = ?",
                (row, i) -> Duration.between(row.getObject(1, Timestamp.class).toInstant(), row.getObject(2, Timestamp.class).toInstant()),
                lock);
        return held.isEmpty() ? Duration.ZERO : held.get(0);
    }

    @Override
    public void close() {
        gateways.forEach(AnnotationConfigApplicationContext::close);
        database.execute("shutdown");
    }
}
