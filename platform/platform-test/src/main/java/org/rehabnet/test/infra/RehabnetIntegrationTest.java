package org.rehabnet.test.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A service test against real infrastructure: the service's own database on the shared PostgreSQL,
 * the shared Kafka broker, and tokens from {@link org.rehabnet.test.tokens.TestIdentityProvider}
 * verified by the service's real token policy.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface RehabnetIntegrationTest {

  /** The service's database (and login) name, for example {@code intake}. */
  String database();
}
