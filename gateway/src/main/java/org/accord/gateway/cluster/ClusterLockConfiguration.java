package org.accord.gateway.cluster;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.Utils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes a method annotated {@code @SchedulerLock} run only while this gateway holds the named lock in the shared
 * database; a call made while another gateway holds it returns without running. Lock times are the database's
 * ({@code usingDbTime()}), so gateways whose clocks disagree still agree on when a lock ends. A lock that its
 * gateway never released (the gateway died) ends after the job's {@code lockAtMostFor}, and another gateway runs
 * the job.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M", proxyTargetClass = true)
class ClusterLockConfiguration {

    static final String TABLE = "shedlock";

    @Bean
    LockProvider clusterLockProvider(DataSource dataSource) {
        return lockProvider(dataSource, Utils.getHostname() + "/" + ProcessHandle.current().pid());
    }

    /**
     * The lock provider of one gateway. {@code lockedBy} names the gateway in the lock row; a gateway releases
     * only a lock that names it, so that a gateway whose lock ran out cannot release the next holder's.
     */
    static LockProvider lockProvider(DataSource dataSource, String lockedBy) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(TABLE)
                .withLockedByValue(lockedBy)
                .usingDbTime()
                // A lock that cannot be read or written (a missing grant, a lost database) fails the job's run
                // where the scheduler logs it, instead of being logged once here and the job skipped as locked.
                .withThrowUnexpectedException(true)
                .build());
    }
}
