package org.rehabnet.platform.web.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.Utils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every {@code @SchedulerLock} job of a service runs on one instance at a time. Two replicas of
 * aftercare would otherwise both look for missed check-ins at 07 past the hour and race on the
 * tasks they raise; the lock makes the tick happen once.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcTemplateLockProvider.class)
@ConditionalOnBean(DataSource.class)
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
public class OnceAcrossInstances {

  /**
   * The lock's times come from the database clock, so instances with skewed clocks agree. The holder
   * is named by host and process id: ShedLock's default, the host name alone, is the same for every
   * replica on one machine, so {@code shedlock.locked_by} could not say which of them ran a tick.
   */
  @Bean
  @ConditionalOnMissingBean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .usingDbTime()
        .withLockedByValue(lockHolder())
        .build());
  }

  /** {@code <host>/<pid>}, the value of {@code shedlock.locked_by} while this instance runs a job. */
  private static String lockHolder() {
    return Utils.getHostname() + "/" + ProcessHandle.current().pid();
  }
}
