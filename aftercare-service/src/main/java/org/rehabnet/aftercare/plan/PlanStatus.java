package org.rehabnet.aftercare.plan;

/** Where a plan is. There is no "closed after relapse": a relapse keeps the plan open. */
public enum PlanStatus {
  OPEN,
  COMPLETED
}
