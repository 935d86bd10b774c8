package org.inspectorate.notification;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The job lock (ShedLock over the application's database, on the database's own clock so that nodes whose clocks
 * differ still agree) and, by configuration, the scheduling of the jobs. (The after-commit listeners already run on
 * the task executor, not on the committing request's thread: Spring Modulith enables asynchronous execution for
 * {@code @ApplicationModuleListener}s, so no request waits for a mail server.)
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
}
