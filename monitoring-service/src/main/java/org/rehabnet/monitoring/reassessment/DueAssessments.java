package org.rehabnet.monitoring.reassessment;

import java.time.Instant;

/** When an episode's next COWS and vital signs are due, and whether they are late. */
public record DueAssessments(Instant cowsDueAt, Instant vitalsDueAt, boolean cowsOverdue, boolean vitalsOverdue) {}
