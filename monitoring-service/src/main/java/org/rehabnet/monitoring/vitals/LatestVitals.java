package org.rehabnet.monitoring.vitals;

import java.time.Instant;
import org.rehabnet.monitoring.vitals.EarlyWarningScore.Response;

/** The latest vital signs, as the dosing hold rules, the alert rules and the census need them. */
public record LatestVitals(Instant takenAt, int respirationRate, int spo2, int systolic, int pulse,
    boolean consciousnessReduced, int news2Total, Response news2Response) {}
