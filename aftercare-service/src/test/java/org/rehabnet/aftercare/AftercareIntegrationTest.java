package org.rehabnet.aftercare;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.context.annotation.Import;

/**
 * Aftercare against real PostgreSQL and Kafka, with one shared context, a clock tests can move, and
 * the test sites announced by a real SiteConfigured first.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@RehabnetIntegrationTest(database = "aftercare")
@Import(TestClock.Config.class)
@ExtendWith(AnnouncedSites.class)
public @interface AftercareIntegrationTest {}
