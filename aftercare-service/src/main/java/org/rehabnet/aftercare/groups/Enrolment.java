package org.rehabnet.aftercare.groups;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One person in a group, through their plan. */
@Table("group_enrolment")
record Enrolment(UUID patientId, UUID planId, Instant enrolledAt) {}
