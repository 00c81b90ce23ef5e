package org.rehabnet.aftercare.relapse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Open outreach of a plan, for the caseload. */
@Component
public class Outreach {

  /** An outreach not yet done; overdue once its due time has passed. */
  public record OpenOutreach(UUID taskId, String urgency, Instant dueAt, boolean overdue) {}

  private final OutreachTasks tasks;

  Outreach(OutreachTasks tasks) {
    this.tasks = tasks;
  }

  @Transactional(readOnly = true)
  public List<OpenOutreach> openFor(UUID planId, Instant now) {
    return tasks.findByPlanIdAndCompletedAtIsNullOrderByDueAt(planId).stream()
        .map(task -> new OpenOutreach(task.id(), task.urgency().name(), task.dueAt(), task.dueAt().isBefore(now)))
        .toList();
  }
}
