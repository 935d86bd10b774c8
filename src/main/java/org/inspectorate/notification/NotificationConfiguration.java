package org.inspectorate.notification;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The job lock (ShedLock over the application's database, on the database's own clock so that nodes whose clocks
 * differ still agree) and, by configuration, the scheduling of the jobs and the asynchronous delivery of the
 * after-commit listeners (so that no request waits for a mail server).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class NotificationConfiguration {

    @Bean
    LockProvider notificationLockProvider(DataSource dataSource) {
        return lockProvider(dataSource);
    }

    /** A lock provider on the table {@code shedlock}: one per node, all on one database. */
    static LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build());
    }

    /** The jobs run on their schedule only where this is on (the application; tests call them). */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "inspectorate.notification.scheduling.enabled", havingValue = "true")
    static class Scheduling {
    }

    /**
     * After-commit listeners run on the task executor rather than on the thread of the request that committed; tests
     * turn it off to see their outcome at once.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    @ConditionalOnProperty(name = "inspectorate.notification.async", havingValue = "true", matchIfMissing = true)
    static class Asynchronous {
    }
}
