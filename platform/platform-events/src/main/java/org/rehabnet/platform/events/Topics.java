package org.rehabnet.platform.events;

/** One topic per stream, versioned; the owner declares it as a {@code NewTopic} bean. */
public final class Topics {

  public static final String INTAKE_PATIENTS = "rehab.intake.patients.v1";
  public static final String INTAKE_ADMISSIONS = "rehab.intake.admissions.v1";
  public static final String INTAKE_CONSENTS = "rehab.intake.consents.v1";
  /** Sites and their clinical settings, keyed by site code; compacted, so it always holds every site. */
  public static final String INTAKE_SITES = "rehab.intake.sites.v1";
  public static final String MONITORING_EPISODES = "rehab.monitoring.episodes.v1";
  public static final String MONITORING_ALERTS = "rehab.monitoring.alerts.v1";
  public static final String AFTERCARE_PLANS = "rehab.aftercare.plans.v1";
  public static final String AFTERCARE_ENGAGEMENT = "rehab.aftercare.engagement.v1";

  /**
   * Where a consumer group parks what it cannot process. Spring Kafka's default is
   * {@code <topic>-dlt}; the group is added because several groups read one topic.
   */
  public static String deadLetterTopic(String topic, String group) {
    return topic + "." + group + "-dlt";
  }

  private Topics() {}
}
