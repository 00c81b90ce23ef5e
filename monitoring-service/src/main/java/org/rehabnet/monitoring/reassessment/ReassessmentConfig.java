package org.rehabnet.monitoring.reassessment;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReassessmentProperties.class)
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
class ReassessmentConfig {

  @Bean
  ReassessmentCadence reassessmentCadence(ReassessmentProperties policy) {
    return new ReassessmentCadence(policy);
  }

  /** The lock's times come from the database clock, so instances with skewed clocks agree. */
  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .usingDbTime()
        .build());
  }
}
