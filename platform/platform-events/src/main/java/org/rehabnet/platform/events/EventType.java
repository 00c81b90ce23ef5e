package org.rehabnet.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an {@link IntegrationEvent}'s CloudEvents type and its topic. The type, not the Java class,
 * is the contract: consumers dispatch on {@code ce_type}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

  /** The CloudEvents type, for example {@code rehab.intake.AdmissionRecorded.v1}. */
  String value();

  /** The topic, one of {@link Topics}. */
  String topic();
}
