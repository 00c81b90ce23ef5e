package org.rehabnet.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.rehabnet.platform.web.audit.AuditBeforeDisclosure;
import org.rehabnet.platform.web.audit.AuditQueryController;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.idempotency.ExpiredAnswers;
import org.rehabnet.platform.web.idempotency.IdempotencyFilter;
import org.rehabnet.platform.web.idempotency.IdempotentAnswers;
import org.rehabnet.platform.web.json.StrictJsonInput;
import org.rehabnet.platform.web.overload.OverloadPolicy;
import org.rehabnet.platform.web.overload.RequestsInFlight;
import org.rehabnet.platform.web.paging.WindowArgumentResolver;
import org.rehabnet.platform.web.problem.ProblemDetailsAdvice;
import org.rehabnet.platform.web.problem.ProblemErrorReportValve;
import org.rehabnet.platform.web.security.InputFirewalls;
import org.rehabnet.platform.web.security.JwtDecoders;
import org.rehabnet.platform.web.security.ProblemSecurityHandlers;
import org.rehabnet.platform.web.security.ServiceSecurity;
import org.rehabnet.platform.web.security.TokenPolicy;
import org.rehabnet.platform.web.trace.RequestCorrelationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** What every servlet service gets from the platform: errors, token checks, correlation ids. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({TokenPolicy.class, OverloadPolicy.class})
@EnableMethodSecurity
public class ServletPlatformAutoConfiguration {

  /** One clock for every rule that depends on time, so tests can control it. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Bean validation tells time by the platform's clock: @Past, @Future and the platform's
   * {@code @Plausible} and {@code @BirthDate} move with it in tests, and agree with the rules.
   */
  @Bean
  ValidationConfigurationCustomizer platformClockForValidation(Clock clock) {
    return configuration -> configuration.clockProvider(() -> clock);
  }

  /**
   * Work handed to another thread keeps the trace and the MDC: Spring Modulith sends outbox events to
   * Kafka on an async listener after commit, and the producer span must be a child of the request's
   * span (Spring Boot applies a TaskDecorator bean to its task executor).
   */
  @Bean
  @ConditionalOnMissingBean(TaskDecorator.class)
  TaskDecorator contextPropagatingTaskDecorator() {
    return new ContextPropagatingTaskDecorator();
  }

  /** Clinical numbers are refused, not rounded, when sent as a fraction or a string. */
  @Bean
  StrictJsonInput strictJsonInput() {
    return new StrictJsonInput();
  }

  /** Bounded reads: a controller's {@code @Windowed Window} parameter (see the paging package). */
  @Bean
  WebMvcConfigurer windowedReads(Clock clock) {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new WindowArgumentResolver(clock));
      }
    };
  }

  @Bean
  ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<AuditTrail> audit) {
    return new ProblemDetailsAdvice(audit);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JdbcClient.class)
  static class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcClient jdbc, PlatformTransactionManager transactions) {
      return new AuditTrail(jdbc, transactions);
    }

    @Bean
    AuditBeforeDisclosure auditBeforeDisclosure(AuditTrail audit) {
      return new AuditBeforeDisclosure(audit);
    }

    /** Outside every transaction of the request (the idempotency filter's included), so its rows wait for them. */
    @Bean
    FilterRegistrationBean<AuditBeforeDisclosure.RequestScope> auditRequestScope(AuditTrail audit) {
      var registration = new FilterRegistrationBean<>(new AuditBeforeDisclosure.RequestScope(audit));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
      return registration;
    }

    @Bean
    AuditQueryController auditQueryController(JdbcClient jdbc, AuditTrail audit) {
      return new AuditQueryController(jdbc, audit);
    }

    @Bean
    IdempotentAnswers idempotentAnswers(JdbcClient jdbc, Clock clock,
        @Value("${rehabnet.idempotency.kept-for:PT24H}") Duration keptFor) {
      return new IdempotentAnswers(jdbc, clock, keptFor);
    }

    /** After Spring Security (it needs the caller), around everything that handles the request. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotentAnswers answers,
        PlatformTransactionManager transactions, JsonMapper json, AuditTrail audit) {
      var registration = new FilterRegistrationBean<>(new IdempotencyFilter(answers, transactions, json, audit));
      registration.setOrder(0);
      return registration;
    }

    @Bean
    ExpiredAnswers expiredIdempotentAnswers(IdempotentAnswers answers) {
      return new ExpiredAnswers(answers);
    }
  }

  /**
   * Verifies relayed tokens again behind the gateway (defence in depth), with the same policy.
   * Keys come from the realm's JWKS through the shared, rate-limited key source.
   */
  @Bean
  JwtDecoder jwtDecoder(TokenPolicy policy) {
    return JwtDecoders.servlet(policy);
  }

  @Bean
  ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json, ObjectProvider<AuditTrail> audit) {
    return new ProblemSecurityHandlers(json, audit);
  }

  /** Spring Security's strict firewall with the platform's text rules for parameters; see InputFirewalls. */
  @Bean
  @ConditionalOnMissingBean(HttpFirewall.class)
  HttpFirewall httpFirewall() {
    return InputFirewalls.servlet();
  }

  @Bean
  ServiceSecurity serviceSecurity(ProblemSecurityHandlers problems, Environment environment) {
    return new ServiceSecurity(problems, environment);
  }

  /** Tomcat's own refusals (before any filter) as problem+json too; see ProblemErrorReportValve. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(TomcatServletWebServerFactory.class)
  static class TomcatErrorsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
      return factory -> factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
      });
    }
  }

  /**
   * Just inside the correlation filter, so a refusal carries the request id, and before Spring
   * Security and the audit scope: a request refused for overload costs no token check and touches no
   * record, so it writes no audit row either (the database is what it would wait for).
   */
  @Bean
  FilterRegistrationBean<RequestsInFlight> requestsInFlight(OverloadPolicy policy, JsonMapper json, Clock clock,
      ObjectProvider<MeterRegistry> meters) {
    var registration = new FilterRegistrationBean<>(
        new RequestsInFlight(policy, json, clock, meters.getIfAvailable(() -> Metrics.globalRegistry)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestCorrelationFilter> requestCorrelationFilter() {
    var registration = new FilterRegistrationBean<>(new RequestCorrelationFilter());
    // Before Spring Security, so that even a 401 carries the request id; after Spring Boot's
    // ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1), so the request's span is in scope.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
