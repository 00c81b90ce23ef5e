package org.rehabnet.aftercare.relapse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Open outreach and naloxone resupply of a plan, for the caseload. */
@Component
public class Outreach {

  /** An outreach not yet done; overdue once its due time has passed. */
  public record OpenOutreach(UUID taskId, String urgency, Instant dueAt, boolean overdue) {}

  /** A naloxone kit owed since one was used; overdue once its due time has passed. */
  public record OpenResupply(UUID taskId, Instant dueAt, boolean overdue, @Nullable Instant completedAt,
      @Nullable String completedBy) {}

  private final OutreachTasks tasks;
  private final NaloxoneResupplyTasks resupplies;

  Outreach(OutreachTasks tasks, NaloxoneResupplyTasks resupplies) {
    this.tasks = tasks;
    this.resupplies = resupplies;
  }

  @Transactional(readOnly = true)
  public List<OpenOutreach> openFor(UUID planId, Instant now) {
    return tasks.findByPlanIdAndCompletedAtIsNullOrderByDueAt(planId).stream()
        .map(task -> new OpenOutreach(task.id(), task.urgency().name(), task.dueAt(), task.dueAt().isBefore(now)))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<OpenResupply> openResuppliesFor(UUID planId, Instant now) {
    return resupplies.findByPlanIdAndCompletedAtIsNullOrderByDueAt(planId).stream()
        .map(task -> new OpenResupply(task.id(), task.dueAt(), task.dueAt().isBefore(now), null, null))
        .toList();
  }
}
